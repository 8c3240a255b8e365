package dev.musicluster.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The API keys that may write, each named ({@code name:key}, or a bare key named {@code key-N}). Keys are held as
 * SHA-256 digests and compared in constant time, so neither memory dumps nor timing give one away.
 */
public final class ApiKeys {

    /** Shorter keys are refused at start-up: a key must not be guessable. */
    static final int MIN_LENGTH = 16;

    private record Key(String name, byte[] digest) {
    }

    private final List<Key> keys;

    private ApiKeys(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /** From the comma-separated setting; blank entries are ignored; a short key is an error. */
    public static ApiKeys parse(List<String> entries) {
        List<Key> keys = new ArrayList<>();
        for (String entry : entries) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            String name = colon > 0 ? trimmed.substring(0, colon) : "key-" + (keys.size() + 1);
            String key = colon > 0 ? trimmed.substring(colon + 1) : trimmed;
            if (key.length() < MIN_LENGTH) {
                throw new IllegalArgumentException("API key '" + name + "' has " + key.length() + " characters; at least "
                        + MIN_LENGTH + " are required (deploy/k8s/generate-secrets.sh makes 32)");
            }
            keys.add(new Key(name, digest(key)));
        }
        return new ApiKeys(keys);
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The name of the key presented, when it is one of ours. Every key is compared, so the time says nothing. */
    public Optional<String> match(String presented) {
        byte[] digest = digest(presented);
        String found = null;
        for (Key key : keys) {
            if (MessageDigest.isEqual(key.digest(), digest) && found == null) {
                found = key.name();
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
