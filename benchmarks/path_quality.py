"""How close paths between songs follow the great circle, over every ordered pair of a running gateway's songs
(docs/listening.md): /usr/bin/python3 benchmarks/path_quality.py http://127.0.0.1:PORT (./musicluster run --keep-running)."""
import json, sys, urllib.request, statistics as st
base = sys.argv[1].rstrip('/')
songs = [s['id'] for s in json.load(urllib.request.urlopen(base + '/api/songs'))]
for steps in (4, 8):
    ratios, offs, within, total, straight, lengths = [], [], 0, 0, [], []
    for a in songs:
        for b in songs:
            if a == b: continue
            p = json.load(urllib.request.urlopen(f'{base}/api/path?from={a}&to={b}&steps={steps}'))
            ratios.append(p['worstStepRatio']); straight.append(p['straightStepDegrees'])
            stops = p['songs'][1:]
            offs += [s['offPathDegrees'] for s in p['songs'][1:-1]]
            within += sum(1 for s in stops if s['stepDegrees'] <= p['straightStepDegrees'] * 1.0000001)
            total += len(stops)
            assert all(s['stepDegrees'] <= s['boundDegrees'] + 1e-6 for s in stops)
            lengths.append(sum(s['stepDegrees'] for s in stops) / (p['straightStepDegrees'] * steps))
    q = lambda v, f: sorted(v)[int(f * (len(v) - 1))]
    print(f"steps={steps} pairs={len(ratios)} straight step deg median {st.median(straight):.1f}; worst-step ratio median {st.median(ratios):.2f} p90 {q(ratios,.9):.2f} max {max(ratios):.2f}; "
          f"off-path deg median {st.median(offs):.1f} p90 {q(offs,.9):.1f} max {max(offs):.1f}; steps within straight step {within/total:.1%}; path length / arc median {st.median(lengths):.2f} p90 {q(lengths,.9):.2f}")
