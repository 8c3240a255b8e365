package dev.musicluster.kit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the object store is. Defaults fit a MinIO on localhost; the embedded infrastructure overrides them. */
@ConfigMapping(prefix = "musicluster.s3")
public interface S3Config {

    @WithDefault("http://localhost:9000")
    String endpoint();

    String accessKey();

    String secretKey();

    @WithDefault("musicluster")
    String bucket();

    @WithDefault("us-east-1")
    String region();

    /** Attempts for a store operation before the error surfaces; transient outages are retried with back-off. */
    @WithDefault("5")
    int attempts();

    @WithDefault("200ms")
    Duration initialBackoff();
}
