package dev.musicluster.feature.decode;

import ai.djl.Device;
import dev.musicluster.contracts.tensor.NpyFormat;
import dev.musicluster.feature.domain.musicnn.MusicnnEncoder;
import dev.musicluster.feature.domain.musicnn.MusicnnPrecision;
import dev.musicluster.feature.domain.musicnn.MusicnnRepresentation;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A child JVM's side of {@link MusicnnPrecisionTest}'s determinism check: the SHA-256 of every value a song's
 * representation holds (each patch's embeddings and tags), from 16 kHz audio in a .npy file, in the precision named.
 */
final class MusicnnFingerprint {

    private MusicnnFingerprint() {
    }

    public static void main(String[] args) throws Exception {
        MusicnnPrecision precision = MusicnnPrecision.valueOf(args[0]);
        float[] pcm = NpyFormat.read(Path.of(args[1])).data();
        try (MusicnnEncoder encoder = MusicnnEncoder.bundled(Device.cpu(), precision)) {
            System.out.println(of(encoder.encode(pcm)));
        }
    }

    static String of(MusicnnRepresentation representation) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        ByteBuffer bytes = ByteBuffer.allocate(4 * (representation.perPatch().length + representation.embedding().length));
        bytes.asFloatBuffer().put(representation.perPatch()).put(representation.embedding());
        return HexFormat.of().formatHex(digest.digest(bytes.array()));
    }
}
