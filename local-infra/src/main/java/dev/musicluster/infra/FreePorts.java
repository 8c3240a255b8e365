package dev.musicluster.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Loopback ports: finding free ones and waiting for one to accept connections. */
final class FreePorts {

    private FreePorts() {
    }

    static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
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
