package dev.musicluster.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void namedAndBareKeysMatchAndNothingElseDoes() {
        ApiKeys keys = ApiKeys.parse(List.of("ci:0123456789abcdef0123", " ", "fedcba9876543210fedcba"));
        assertThat(keys.match("0123456789abcdef0123")).contains("ci");
        assertThat(keys.match("fedcba9876543210fedcba")).contains("key-2");
        assertThat(keys.match("0123456789abcdef012")).isEmpty();
        assertThat(keys.match("")).isEmpty();
        assertThat(ApiKeys.parse(List.of()).isEmpty()).isTrue();
    }

    @Test
    void aShortKeyIsRefusedWithItsName() {
        assertThatThrownBy(() -> ApiKeys.parse(List.of("weak:secret"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'weak' has 6 characters; at least 16");
    }
}
