package dev.musicluster.embedding.domain.vector;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Character n-grams (1 to 3 code points, spaces included) of normalised text, hashed into a fixed number of
 * buckets: no vocabulary to fit or ship, the same for every script. Counting code points, not chars, keeps a
 * Hangul syllable or a kanji one unit like a Latin letter.
 */
public final class CharNgrams {

    private final int buckets;
    private final int maxN;

    public CharNgrams(int buckets, int maxN) {
        if (Integer.bitCount(buckets) != 1) {
            throw new IllegalArgumentException("buckets must be a power of two: " + buckets);
        }
        this.buckets = buckets;
        this.maxN = maxN;
    }

    public int buckets() {
        return buckets;
    }

    /** Bucket → count of the n-grams that hash there. */
    public Map<Integer, Integer> counts(String text) {
        int[] codePoints = text.codePoints().toArray();
        Map<Integer, Integer> counts = new HashMap<>();
        CRC32 crc = new CRC32();
        for (int n = 1; n <= maxN; n++) {
            for (int i = 0; i + n <= codePoints.length; i++) {
                if (n == 1 && codePoints[i] == ' ') {
                    continue;
                }
                crc.reset();
                crc.update(new String(codePoints, i, n).getBytes(StandardCharsets.UTF_8));
                counts.merge((int) (crc.getValue() & (buckets - 1)), 1, Integer::sum);
            }
        }
        return counts;
    }
}
