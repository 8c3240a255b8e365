package dev.musicluster.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void portsAreFreeBelowTheEphemeralRangeAndNeverHandedOutTwice() throws IOException {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            int port = FreePorts.next();
            assertThat(port).isBetween(20000, FreePorts.ephemeralStart() - 1);
            assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
        }
        int port = FreePorts.next();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(FreePorts.accepts(port)).isTrue();
        }
    }
}
