package dev.musicluster.embedding.domain;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** ../shared/data/lyrics/lyrics.csv (real, third-party: never committed), for quality tests that skip without it. */
public record SharedLyrics(String id, String language, String genre, String lyrics) {

    public static Path file() {
        return Path.of(System.getProperty("musicluster.shared.dir", "../../shared")).resolve("data/lyrics/lyrics.csv");
    }

    /** The rows that have lyrics. */
    public static List<SharedLyrics> load() throws IOException {
        List<SharedLyrics> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file(), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
            for (CSVRecord record : parser) {
                if (!record.get("lyrics").isBlank()) {
                    rows.add(new SharedLyrics(record.get("id"), record.get("language"), record.get("genre"), record.get("lyrics")));
                }
            }
        }
        return rows;
    }
}
