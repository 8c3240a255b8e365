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
        // musicnn's representation of the same decode: 400 embedding values, 100 tags, the five most likely named.
        assertThat(NpyFormat.read(dir.resolve("out/folk.musicnn-embedding.npy")).shape()).containsExactly(400);
        float[] tags = NpyFormat.read(dir.resolve("out/folk.musicnn-tags.npy")).data();
        assertThat(tags).hasSize(100);
        assertThat(Files.readAllLines(dir.resolve("out/musicnn-tags.txt"))).hasSize(100).startsWith("rock", "pop");
        List<String> top = Files.readAllLines(dir.resolve("out/tags.csv"));
        assertThat(top).hasSize(2).first().isEqualTo("id,top_tags");
        assertThat(top.get(1)).startsWith("folk,").matches("folk,\"[^,]+ [01]\\.\\d\\d(, [^,]+ [01]\\.\\d\\d){4}\"");
    }

    @Test
    void withoutMusicnnOnlyTheFeaturesAreWritten() throws Exception {
        Path song = dir.resolve("rock.wav");
        DemoCorpus.renderSong(Style.ROCK, 3, 2.0, song);
        int exit = new CommandLine(new Musicluster()).execute("features", song.toString(), "--no-musicnn", "--out", dir.resolve("plain").toString());
        assertThat(exit).isZero();
        assertThat(dir.resolve("plain/rock.logmel.npy")).exists();
        assertThat(dir.resolve("plain/rock.musicnn-embedding.npy")).doesNotExist();
        assertThat(dir.resolve("plain/tags.csv")).doesNotExist();
    }
}
