package dev.musicluster.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SongIdTest {

    @Test
    void acceptsOnlyTheSafeAlphabet() {
        assertThat(SongId.isValid("TRAALSG128F42B180D")).isTrue();
        assertThat(SongId.isValid("demo-007_v1.2")).isTrue();
        assertThat(SongId.isValid("a".repeat(128))).isTrue();
        assertThat(SongId.isValid("a".repeat(129))).isFalse();
        assertThat(SongId.isValid("")).isFalse();
        assertThat(SongId.isValid(null)).isFalse();
        assertThat(SongId.isValid("..")).isFalse();
        assertThat(SongId.isValid("a b")).isFalse();
        assertThat(SongId.isValid("গান")).isFalse();
        assertThat(SongId.isValid("x\u0000")).isFalse();
    }

    @Test
    void contentIdsAreStableAndDistinct() {
        byte[] a = SongId.sha256("song a".getBytes(StandardCharsets.UTF_8));
        byte[] b = SongId.sha256("song b".getBytes(StandardCharsets.UTF_8));
        assertThat(SongId.fromContent(a)).isEqualTo(SongId.fromContent(a.clone())).hasSize(22).startsWith("s-");
        assertThat(SongId.fromContent(a)).isNotEqualTo(SongId.fromContent(b));
        assertThat(SongId.isValid(SongId.fromContent(a))).isTrue();
    }
}
