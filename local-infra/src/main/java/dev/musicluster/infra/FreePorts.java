package dev.musicluster.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback ports: finding free ones and waiting for one to accept connections. */
public final class FreePorts {

    /** Below every ephemeral range in use (Linux 32768, Windows and macOS 49152) and above the well-known ports. */
    private static final int LOWEST = 20000;
    private static final int ATTEMPTS = 200;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /**
     * A loopback port nothing listens on, below the system's ephemeral range. A port the system hands out for
     * {@code bind(0)} is free only until the server binds it; in between, the system may give the same port to any
     * outgoing connection (Kafka's clients open many while the services start one after another), and the server then
     * fails with "address already in use". Ports below the range are handed out by nobody but a caller like this one,
     * and never twice by this JVM.
     */
    public static int next() {
        int below = ephemeralStart();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("no free loopback port in " + LOWEST + ".." + (below - 1)
                + " after " + ATTEMPTS + " attempts"));
    }

    /** The first port of the system's ephemeral range: Linux says it; elsewhere the lowest common one. */
    static int ephemeralStart() {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        try {
            int start = Integer.parseInt(Files.readString(range).trim().split("\\s+")[0]);
            return start > LOWEST + 1000 ? start : 32768;
        } catch (IOException | RuntimeException e) {
            return 32768;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void awaitOpen(ChildProcess owner, int port, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!accepts(port)) {
            if (!owner.isAlive()) {
                throw new IOException(owner.name() + " exited before opening port " + port + ":\n" + owner.tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(owner.name() + " did not open port " + port + " within " + timeout + ":\n" + owner.tail());
            }
            Thread.sleep(100);
        }
    }
}
