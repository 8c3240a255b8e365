package dev.musicluster.training.domain;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What a busy service does to a training at any moment, made constant: a daemon thread that collects garbage every
 * few milliseconds and then allocates small direct buffers holding 10³⁰. In a quiet JVM a collection seldom falls
 * between a step's forward and backward pass, so a native kernel that still reads Java-owned memory after Java let go
 * of it reads the right values nearly always; in the running service (Kafka clients, HTTP, other threads allocating)
 * it happens at random. Under this pressure the memory is freed and overwritten within milliseconds, so such a read
 * shows as a different model in every JVM (docs/training.md: DJL's scalar operands).
 */
final class GarbageCollectionPressure implements AutoCloseable {

    private static final int PERIOD_MILLIS = 10;
    private static final int BUFFERS = 32;

    private final Thread thread;
    private volatile boolean running = true;
    private long collections;

    private GarbageCollectionPressure() {
        thread = new Thread(this::collect, "garbage-collection-pressure");
        thread.setDaemon(true);
    }

    static GarbageCollectionPressure start() {
        GarbageCollectionPressure pressure = new GarbageCollectionPressure();
        pressure.thread.start();
        return pressure;
    }

    private void collect() {
        ByteBuffer[] reusing = new ByteBuffer[BUFFERS];
        while (running) {
            System.gc();
            collections++;
            for (int i = 0; i < BUFFERS; i++) {
                reusing[i] = ByteBuffer.allocateDirect(Float.BYTES).order(ByteOrder.nativeOrder()).putFloat(0, 1e30f);
            }
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Collections forced so far. */
    long collections() {
        return collections;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}
