package dev.musicluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartBodyTest {

    @TempDir
    Path dir;

    @Test
    void framesEachPartBetweenBoundariesAndEndsWithTheCloseDelimiter() throws Exception {
        Path file = Files.write(dir.resolve("a \"b\".wav"), new byte[] {'R', 'I', 'F', 'F'});
        MultipartBody body = new MultipartBody().file("audio", file, "audio/wav").json("metadata", "{\"title\":\"গান\"}");
        String boundary = body.contentType().substring(body.contentType().indexOf("boundary=") + 9);

        String text = new String(read(body.publisher()), StandardCharsets.UTF_8);

        assertThat(text).startsWith("--" + boundary + "\r\n")
                .contains("name=\"audio\"; filename=\"a _b_.wav\"\r\nContent-Type: audio/wav\r\n\r\nRIFF\r\n")
                .contains("Content-Type: application/json; charset=UTF-8\r\n\r\n{\"title\":\"গান\"}\r\n")
                .endsWith("--" + boundary + "--\r\n");
    }

    private static byte[] read(HttpRequest.BodyPublisher publisher) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        CompletableFuture<Void> done = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                out.writeBytes(bytes);
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        done.get();
        return out.toByteArray();
    }
}
