package dev.musicluster.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleGrowthTest {

    @TempDir
    Path dir;

    @Test
    void eachMeasureGetsItsLogLogSlopeAcrossTheSizes() throws Exception {
        Path small = dir.resolve("small.csv");
        Path large = dir.resolve("large.csv");
        String header = "songs,kind,name,value,unit,detail\n";
        Files.writeString(small, header + "1000,stage,upload,10.000,s,\"a, b\"\n1000,stage,pairs,1.000,s,\"\"\n1000,read p99,song,5.000,ms,\"\"\n");
        Files.writeString(large, header + "10000,stage,upload,100.000,s,\"\"\n10000,stage,pairs,100.000,s,\"\"\n10000,read p99,song,5.000,ms,\"\"\n");
        List<ScaleGrowth.Row> rows = ScaleGrowth.read(List.of(small, large));
        assertThat(rows).extracting(ScaleGrowth.Row::name).containsExactly("upload", "pairs", "song");
        assertThat(rows.get(0).exponent()).as("linear").isCloseTo(1.0, within(1e-9));
        assertThat(rows.get(1).exponent()).as("quadratic").isCloseTo(2.0, within(1e-9));
        assertThat(rows.get(2).exponent()).as("constant").isCloseTo(0.0, within(1e-9));
        assertThat(ScaleGrowth.markdown(rows)).contains("| stage: upload | s | 10.0 | 100 | 1.00 |", "| 1,000 songs | 10,000 songs |");
        Path png = dir.resolve("growth.png");
        ScaleGrowth.plot(rows, png);
        assertThat(Files.size(png)).isGreaterThan(1000);
    }
}
