package dev.musicluster.cli;

import java.io.IOException;

/**
 * A write the gateway could not take now (connection refused, a 5xx while the broker or the store is away) is sent
 * again, after 1, 2, 4 and 8 s. Every write the command line makes is idempotent: the gateway answers a repeated upload
 * of the same song with "unchanged", a repeated metadata with "unchanged", a repeated removal with 404.
 */
final class GatewayRetries {

    private static final int RETRIES = 4;

    /** One write to the gateway. */
    @FunctionalInterface
    interface Write {
        GatewayClient.Upload send() throws IOException, InterruptedException;
    }

    private GatewayRetries() {
    }

    static GatewayClient.Upload send(Write write) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                GatewayClient.Upload answer = write.send();
                if (answer.status() < 500 || attempt == RETRIES) {
                    return answer;
                }
            } catch (IOException e) {
                if (attempt == RETRIES) {
                    throw e;
                }
            }
            Thread.sleep(1000L << attempt);
        }
    }
}
