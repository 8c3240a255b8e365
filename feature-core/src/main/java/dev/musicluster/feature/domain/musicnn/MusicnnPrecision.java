package dev.musicluster.feature.domain.musicnn;

import ai.djl.Device;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The arithmetic of musicnn's front-end convolutions, nine tenths of its multiply-adds (docs/musicnn.md). bfloat16 keeps
 * float32's range with 8 bits of mantissa; oneDNN accumulates its products in float32, so each output is rounded
 * once. It pays only where the CPU multiplies bfloat16 natively (AVX512-BF16 on Zen 4 and later and on Cooper Lake and
 * later Xeons, AMX on Sapphire Rapids and later); elsewhere PyTorch emulates it, slower than float32.
 */
public enum MusicnnPrecision {
    FLOAT32("float32"),
    BFLOAT16("bfloat16");

    /** The CPU flags (Linux's names) under which oneDNN runs bfloat16 convolutions natively. */
    private static final Set<String> NATIVE_BFLOAT16 = Set.of("avx512_bf16", "amx_bf16");

    private final String id;

    MusicnnPrecision(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * {@code auto} is bfloat16 on a CPU that computes it natively and float32 otherwise, a GPU included (its bfloat16
     * path is untested here); {@code float32} and {@code bfloat16} force one.
     */
    public static MusicnnPrecision of(String setting, Device device) {
        return switch (setting.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> device.isGpu() || !nativeBFloat16() ? FLOAT32 : BFLOAT16;
            case "float32" -> FLOAT32;
            case "bfloat16" -> BFLOAT16;
            default -> throw new IllegalArgumentException("the musicnn precision must be auto, float32 or bfloat16, not " + setting);
        };
    }

    /** Whether this CPU multiplies bfloat16 natively; false where its flags cannot be read (not Linux). */
    public static boolean nativeBFloat16() {
        return cpuFlags().stream().anyMatch(NATIVE_BFLOAT16::contains);
    }

    static Set<String> cpuFlags() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Set.of();
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(line -> line.startsWith("flags")).findFirst()
                    .map(line -> Arrays.stream(line.substring(line.indexOf(':') + 1).trim().split("\\s+")).collect(Collectors.toSet()))
                    .orElse(Set.of());
        } catch (IOException | UncheckedIOException e) {
            return Set.of();
        }
    }
}
