package io.synthline.evaluator.engine;

import io.synthline.commons.concurrent.Parallel;
import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.json.Json;
import io.synthline.commons.table.Table;
import io.synthline.fixtures.Datasets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Adult and the SDMetrics reference outputs shipped in test-fixtures (see its README), read as tables. */
public final class SharedData {
    /** Every core, for the tests' whole run (daemon threads, started when first used). */
    private static final Parallel PARALLEL = Parallel.open(Parallel.defaultThreads(), "test-evaluate");
    private static Table adult;
    private static Table adultSdv;

    private SharedData() {
    }

    /** Where tests run the evaluator's parallel work. */
    public static Parallel pool() {
        return PARALLEL;
    }

    public static synchronized Table adult() {
        if (adult == null) {
            adult = CsvTableReader.read(Datasets.adult());
        }
        return adult;
    }

    public static synchronized Table adultSdvGaussianCopula() {
        if (adultSdv == null) {
            adultSdv = CsvTableReader.read(Datasets.adultSdvGaussianCopula(), CsvOptions.defaults(), adult().schema());
        }
        return adultSdv;
    }

    public static Table read(String relative) {
        return CsvTableReader.read(Datasets.path(relative), CsvOptions.defaults(), adult().schema());
    }

    public static JsonNode json(String relative) {
        try {
            return Json.mapper().readTree(Files.readString(Datasets.path(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
