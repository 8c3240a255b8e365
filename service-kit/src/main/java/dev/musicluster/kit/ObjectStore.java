package dev.musicluster.kit;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The object store (MinIO in production, any S3 server locally), seen as keys and bytes. Transient failures are
 * retried with exponential back-off; a missing object is reported as {@link MissingObjectException} at once.
 */
@ApplicationScoped
public class ObjectStore {

    private static final Logger LOG = Logger.getLogger(ObjectStore.class);

    private final S3Config config;
    private final MinioClient client;

    public ObjectStore(S3Config config) {
        this.config = config;
        this.client = MinioClient.builder()
                .endpoint(config.endpoint())
                .credentials(config.accessKey(), config.secretKey())
                .region(config.region())
                .build();
    }

    public String bucket() {
        return config.bucket();
    }

    public void ensureBucket() throws IOException {
        retrying("create bucket " + bucket(), () -> {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket()).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket()).build());
            }
            return null;
        });
    }

    public void put(String key, byte[] bytes, String contentType) throws IOException {
        retrying("put " + key, () -> client.putObject(PutObjectArgs.builder().bucket(bucket()).object(key)
                .stream(new ByteArrayInputStream(bytes), bytes.length, -1).contentType(contentType).build()));
    }

    /** Uploads a file without holding it in memory. */
    public void put(String key, Path file, String contentType) throws IOException {
        long size = Files.size(file);
        retrying("put " + key, () -> {
            try (InputStream in = Files.newInputStream(file)) {
                return client.putObject(PutObjectArgs.builder().bucket(bucket()).object(key)
                        .stream(in, size, -1).contentType(contentType).build());
            }
        });
    }

    public byte[] get(String key) throws IOException {
        return retrying("get " + key, () -> {
            try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket()).object(key).build())) {
                return in.readAllBytes();
            }
        });
    }

    /** The object's bytes as a stream, for large objects; the caller closes it. */
    public InputStream open(String key) throws IOException {
        return retrying("open " + key, () -> client.getObject(GetObjectArgs.builder().bucket(bucket()).object(key).build()));
    }

    public boolean exists(String key) throws IOException {
        try {
            size(key);
            return true;
        } catch (MissingObjectException e) {
            return false;
        }
    }

    /** The keys under a prefix, sorted. */
    public java.util.List<String> list(String prefix) throws IOException {
        return retrying("list " + prefix, () -> {
            java.util.List<String> keys = new java.util.ArrayList<>();
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(bucket()).prefix(prefix).recursive(true).build())) {
                keys.add(result.get().objectName());
            }
            keys.sort(null);
            return keys;
        });
    }

    /**
     * Deletes every object under a prefix (a removed song's audio, lyrics or tensors); none there is no error, so a
     * repeated removal does nothing. Returns how many objects went.
     */
    public int deleteAll(String prefix) throws IOException {
        java.util.List<String> keys = list(prefix);
        for (String key : keys) {
            retrying("delete " + key, () -> {
                client.removeObject(RemoveObjectArgs.builder().bucket(bucket()).object(key).build());
                return null;
            });
        }
        return keys.size();
    }

    public long size(String key) throws IOException {
        return retrying("stat " + key, () -> client.statObject(StatObjectArgs.builder().bucket(bucket()).object(key).build()).size());
    }

    private interface StoreCall<T> {
        T call() throws Exception;
    }

    private <T> T retrying(String what, StoreCall<T> call) throws IOException {
        Duration backoff = config.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (ErrorResponseException e) {
                String code = e.errorResponse().code();
                if ("NoSuchKey".equals(code) || "NoSuchObject".equals(code)) {
                    throw new MissingObjectException(bucket(), what);
                }
                if (attempt >= config.attempts() || !isTransient(code)) {
                    throw new IOException("object store refused to " + what + ": " + code + " " + e.getMessage(), e);
                }
            } catch (Exception e) {
                if (attempt >= config.attempts()) {
                    throw e instanceof IOException io ? io : new IOException("cannot " + what + ": " + e.getMessage(), e);
                }
            }
            LOG.warnf("object store: %s failed (attempt %d of %d), retrying in %d ms", what, attempt, config.attempts(),
                    backoff.toMillis());
            sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : backoff.multipliedBy(2);
        }
    }

    private static boolean isTransient(String code) {
        return code == null || code.equals("SlowDown") || code.equals("InternalError") || code.equals("ServiceUnavailable")
                || code.equals("RequestTimeout");
    }

    private static void sleep(Duration duration) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to retry", e);
        }
    }
}
