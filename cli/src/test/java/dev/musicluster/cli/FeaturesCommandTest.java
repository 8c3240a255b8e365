package dev.musicluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicluster.contracts.tensor.NpyFormat;
import dev.musicluster.demo.DemoCorpus;
import dev.musicluster.demo.Style;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FeaturesCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTensorsAndSummaryAndReportsRefusals() throws Exception {
        Path song = dir.resolve("folk.wav");
        DemoCorpus.renderSong(Style.FOLK, 2, 2.0, song);
        Path broken = Files.write(dir.resolve("broken.wav"), new byte[] {'R', 'I', 'F', 'F'});

        int exit = new CommandLine(new Musicluster()).execute("features", song.toString(), broken.toString(),
                "--out", dir.resolve("out").toString());

        assertThat(exit).isEqualTo(Reports.SOME_SONGS_REFUSED);
        assertThat(NpyFormat.read(dir.resolve("out/folk.logmel.npy")).shape()).containsExactly(128, 87);
        assertThat(NpyFormat.read(dir.resolve("out/folk.mfcc.npy")).shape()).containsExactly(20, 87);
        List<String> summary = Files.readAllLines(dir.resolve("out/summary.csv"));
        assertThat(summary).hasSize(2);
        assertThat(summary.get(0)).startsWith("id,mfcc_0_mean,mfcc_0_std").endsWith("tempo_bpm");
        assertThat(summary.get(1)).startsWith("folk,");
    }
}
