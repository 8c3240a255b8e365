package dev.musicluster.cli;

import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.tensor.NpyFormat;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Points to cluster, with their ids and label columns, from a CSV table (numeric columns are features; the
 * {@code id} column and the named label columns are not) or a 2-D {@code .npy} with an ids file; labels may also
 * come from a separate CSV joined by id.
 */
record FeatureTable(List<String> ids, List<String> featureNames, double[][] points, Map<String, List<String>> labels) {

    static FeatureTable read(Path input, Path idsFile, Path labelsFile, List<String> labelColumns) throws IOException {
        FeatureTable table = input.toString().endsWith(".npy") ? fromNpy(input, idsFile) : fromCsv(input, labelColumns);
        if (labelsFile != null) {
            table = table.withLabels(labelsFile, labelColumns);
        }
        for (String column : labelColumns) {
            if (!table.labels().containsKey(column)) {
                throw new IOException("label column '" + column + "' is in neither the input nor the labels file");
            }
        }
        return table;
    }

    private static FeatureTable fromNpy(Path npy, Path idsFile) throws IOException {
        NpyArray array = NpyFormat.read(npy);
        if (array.rank() != 2) {
            throw new IOException(npy + " must be a 2-D array (songs × features), shape is " + java.util.Arrays.toString(array.shape()));
        }
        double[][] points = array.toDoubleRows();
        List<String> ids = new ArrayList<>();
        if (idsFile != null) {
            Files.readAllLines(idsFile, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).forEach(ids::add);
            if (ids.size() != points.length) {
                throw new IOException(idsFile + " has " + ids.size() + " ids for " + points.length + " rows");
            }
        } else {
            for (int i = 0; i < points.length; i++) {
                ids.add(Integer.toString(i));
            }
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < array.dim(1); j++) {
            names.add("d" + j);
        }
        return new FeatureTable(ids, names, points, Map.of());
    }

    private static FeatureTable fromCsv(Path csv, List<String> labelColumns) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
            List<String> header = parser.getHeaderNames();
            List<CSVRecord> records = parser.getRecords();
            Set<String> excluded = new java.util.HashSet<>(labelColumns);
            excluded.add("id");
            List<String> features = header.stream().filter(column -> !excluded.contains(column))
                    .filter(column -> records.stream().allMatch(r -> isNumber(r.get(column)))).toList();
            if (features.isEmpty()) {
                throw new IOException(csv + " has no numeric feature column");
            }
            List<String> ids = new ArrayList<>();
            double[][] points = new double[records.size()][features.size()];
            Map<String, List<String>> labels = new LinkedHashMap<>();
            labelColumns.stream().filter(header::contains).forEach(column -> labels.put(column, new ArrayList<>()));
            for (int i = 0; i < records.size(); i++) {
                CSVRecord record = records.get(i);
                ids.add(header.contains("id") ? record.get("id") : Integer.toString(i));
                for (int j = 0; j < features.size(); j++) {
                    points[i][j] = Double.parseDouble(record.get(features.get(j)));
                }
                labels.forEach((column, values) -> values.add(record.get(column)));
            }
            return new FeatureTable(ids, features, points, labels);
        }
    }

    private FeatureTable withLabels(Path labelsFile, List<String> labelColumns) throws IOException {
        Map<String, List<String>> joined = new LinkedHashMap<>(labels);
        try (Reader reader = Files.newBufferedReader(labelsFile, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
            if (!parser.getHeaderNames().contains("id")) {
                throw new IOException(labelsFile + " needs an 'id' column to join on");
            }
            Map<String, CSVRecord> byId = new LinkedHashMap<>();
            parser.forEach(record -> byId.put(record.get("id"), record));
            for (String column : labelColumns) {
                if (parser.getHeaderNames().contains(column)) {
                    List<String> values = new ArrayList<>();
                    ids.forEach(id -> values.add(byId.containsKey(id) ? byId.get(id).get(column) : null));
                    joined.put(column, values);
                }
            }
        }
        return new FeatureTable(ids, featureNames, points, joined);
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
