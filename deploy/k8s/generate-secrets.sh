#!/usr/bin/env bash
# Writes fresh random credentials for an overlay into overlays/<overlay>/secrets/ (ignored by Git), where the
# overlay's secretGenerator reads them. Existing files are kept, so running it again changes nothing.
# Usage: deploy/k8s/generate-secrets.sh dev|prod
set -euo pipefail
overlay="${1:?usage: $0 dev|prod}"
dir="$(cd "$(dirname "$0")" && pwd)/overlays/$overlay/secrets"
[ -d "$(dirname "$dir")" ] || { echo "no overlay $overlay" >&2; exit 2; }
mkdir -p "$dir"
umask 077
secret() { [ -s "$dir/$1" ] || head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$dir/$1"; }
[ -s "$dir/minio-root-user" ] || printf 'musicluster' > "$dir/minio-root-user"
secret minio-root-password
secret grafana-admin-password
# The gateway's API key for writes, named "admin" (name:key; more keys: comma-separated).
[ -s "$dir/gateway-api-keys" ] || { printf 'admin:'; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; } > "$dir/gateway-api-keys"
echo "credentials of $overlay in $dir"
