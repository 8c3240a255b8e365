package dev.musicluster.embedding.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a model file is: a path, or {@code classpath:NAME} for a model shipped inside a Maven artifact (extracted
 * once to a cache folder, since ONNX Runtime and the tokenizer read files).
 */
public final class ModelFiles {

    private static final String CLASSPATH = "classpath:";

    private ModelFiles() {
    }

    public static Path resolve(String location) throws IOException {
        if (!location.startsWith(CLASSPATH)) {
            Path path = Path.of(location);
            if (!Files.isRegularFile(path)) {
                throw new IOException("model file not found: " + path);
            }
            return path;
        }
        String resource = location.substring(CLASSPATH.length());
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "musicluster-models");
        Files.createDirectories(cache);
        Path file = cache.resolve(Path.of(resource).getFileName().toString());
        try (InputStream in = ModelFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no " + resource + " on the classpath (is the model's Maven artifact a dependency?)");
            }
            Path partial = Files.createTempFile(cache, "model", ".part");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return file;
    }
}
