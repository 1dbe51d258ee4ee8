package io.synthline.evaluator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.json.Json;
import io.synthline.commons.table.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared real datasets and SDMetrics reference outputs (../shared/datasets, see its README). */
public final class SharedData {
    public static final Path ROOT = Path.of("../../../shared/datasets");
    private static Table adult;
    private static Table adultSdv;

    private SharedData() {
    }

    public static synchronized Table adult() {
        if (adult == null) {
            adult = CsvTableReader.read(ROOT.resolve("adult.csv"));
        }
        return adult;
    }

    public static synchronized Table adultSdvGaussianCopula() {
        if (adultSdv == null) {
            adultSdv = CsvTableReader.read(ROOT.resolve("reference/adult_sdv_gc.csv"), CsvOptions.defaults(), adult().schema());
        }
        return adultSdv;
    }

    public static Table read(String relative) {
        return CsvTableReader.read(ROOT.resolve(relative), CsvOptions.defaults(), adult().schema());
    }

    public static JsonNode json(String relative) {
        try {
            return Json.mapper().readTree(Files.readString(ROOT.resolve(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
