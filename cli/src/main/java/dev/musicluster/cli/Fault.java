package dev.musicluster.cli;

import dev.musicluster.infra.LocalInfra;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * A fault injected into the embedded system while songs stream through it: the broker restarted, the object store
 * down for a while, or a service killed with SIGKILL and started again. Written on the command line as
 * {@code broker-restart}, {@code store-outage} or {@code kill:SERVICE}.
 */
sealed interface Fault {

    Duration STORE_OUTAGE = Duration.ofSeconds(10);

    /** Injects the fault and returns once the system is whole again; returns that moment. */
    Instant inject(LocalInfra infra, LocalServices services) throws IOException, InterruptedException;

    String describe();

    static Fault parse(String text) {
        if (text.equals("broker-restart")) {
            return new BrokerRestart();
        }
        if (text.equals("store-outage")) {
            return new StoreOutage(STORE_OUTAGE);
        }
        if (text.startsWith("kill:") && LocalServices.SERVICES.contains(text.substring(5))) {
            return new ServiceKill(text.substring(5));
        }
        throw new IllegalArgumentException("unknown fault '" + text + "': broker-restart, store-outage or kill:SERVICE (one of "
                + String.join(", ", LocalServices.SERVICES) + ")");
    }

    record BrokerRestart() implements Fault {
        @Override
        public Instant inject(LocalInfra infra, LocalServices services) throws IOException, InterruptedException {
            infra.kafka().restart();
            return Instant.now();
        }

        @Override
        public String describe() {
            return "the Kafka broker restarted";
        }
    }

    record StoreOutage(Duration length) implements Fault {
        @Override
        public Instant inject(LocalInfra infra, LocalServices services) throws IOException, InterruptedException {
            infra.s3().stop();
            Thread.sleep(length.toMillis());
            infra.s3().restart();
            return Instant.now();
        }

        @Override
        public String describe() {
            return "the object store down for " + length.toSeconds() + " s";
        }
    }

    record ServiceKill(String service) implements Fault {
        @Override
        public Instant inject(LocalInfra infra, LocalServices services) throws IOException, InterruptedException {
            services.killAndRestart(service);
            return Instant.now();
        }

        @Override
        public String describe() {
            return service + " killed (SIGKILL) and started again";
        }
    }
}
