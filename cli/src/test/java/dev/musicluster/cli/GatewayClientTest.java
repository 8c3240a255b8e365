package dev.musicluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatewayClientTest {

    @Test
    void theNextPageIsReadFromTheLinkHeader() {
        assertThat(GatewayClient.nextPage("</api/songs?offset=5000&limit=5000>; rel=\"next\"")).isEqualTo("api/songs?offset=5000&limit=5000");
        assertThat(GatewayClient.nextPage("</api/songs?offset=1&limit=1>;rel=\"prev\"")).isNull();
    }
}
