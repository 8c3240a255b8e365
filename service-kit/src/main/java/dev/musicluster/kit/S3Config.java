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
    /** With the back-off below, about 26 s of waiting: an outage of that length delays songs instead of failing them. */
    @WithDefault("10")
    int attempts();

    @WithDefault("200ms")
    Duration initialBackoff();

    /** The back-off doubles up to this. */
    @WithDefault("5s")
    Duration maxBackoff();
}
