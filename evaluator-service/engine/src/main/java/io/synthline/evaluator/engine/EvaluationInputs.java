package io.synthline.evaluator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.ReplacedColumn;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvRowSource;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.json.Json;
import io.synthline.commons.table.Table;
import io.synthline.commons.table.TableSchema;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

/**
 * Reads the files of an evaluation the way the CLI and the service both need: the real file with
 * inferred (or given) types, and the synthetic and holdout files with the real file's types, so a
 * value that does not fit is reported with its line. Errors name the file they are about.
 */
public final class EvaluationInputs {
    private EvaluationInputs() {
    }

    public static Table readReal(Path file, TableSchema schema) {
        return labelled("real", () -> CsvTableReader.read(file, CsvOptions.defaults(), schema));
    }

    /**
     * @param what "synthetic" or "holdout", for messages
     */
    public static Table readCompanion(Path file, Table real, String what) {
        return labelled(what, () -> {
            List<String> header;
            try (CsvRowSource source = CsvRowSource.open(file, CsvOptions.defaults())) {
                header = source.header();
            }
            // different columns: read as they are and let the evaluation name what is missing or unexpected
            TableSchema schema = new HashSet<>(header).equals(new HashSet<>(real.schema().names())) ? real.schema() : null;
            return CsvTableReader.read(file, CsvOptions.defaults(), schema);
        });
    }

    /**
     * The real rows a synthesizer fitted on. When the real file is the whole dataset (every
     * held-out row is in it, as the generator stores it), that is the dataset minus the held-out
     * rows as a multiset (a row that occurs twice and was held out once stays once); without it
     * the held-out rows would count as training rows and every privacy attack would compare the
     * output with rows on both sides. A real file that is already the training part (some
     * held-out row is not in it) is returned as it is.
     */
    public static Table trainingRows(Table real, Table holdout) {
        java.util.Map<List<String>, Integer> heldOut = new java.util.HashMap<>();
        List<String> names = real.schema().names();
        if (!new HashSet<>(holdout.schema().names()).equals(new HashSet<>(names))) {
            return real;
        }
        for (int r = 0; r < holdout.rowCount(); r++) {
            heldOut.merge(row(holdout, names, r), 1, Integer::sum);
        }
        int[] kept = new int[real.rowCount()];
        int n = 0;
        for (int r = 0; r < real.rowCount(); r++) {
            List<String> key = row(real, names, r);
            Integer left = heldOut.get(key);
            if (left == null) {
                kept[n++] = r;
            } else if (left == 1) {
                heldOut.remove(key);
            } else {
                heldOut.put(key, left - 1);
            }
        }
        return heldOut.isEmpty() && holdout.rowCount() > 0 ? real.rows(java.util.Arrays.copyOf(kept, n)) : real;
    }

    /**
     * The columns an output's provenance manifest (written next to it by {@code synth generate} and
     * the generator service) says replaced personal data; empty for a manifest without the field.
     */
    public static List<ReplacedColumn> replacedColumns(java.io.InputStream manifest, String where) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(manifest);
        } catch (java.io.IOException e) {
            throw new BadInputException("invalid-manifest", "the manifest " + where + " is not JSON: " + e.getMessage());
        }
        JsonNode list = root == null ? null : root.get("replacedColumns");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new BadInputException("invalid-manifest", "the manifest " + where + ": replacedColumns is not a list");
        }
        List<ReplacedColumn> out = new java.util.ArrayList<>();
        for (JsonNode c : list) {
            String column = c.path("column").asText(null);
            String kind = c.path("kind").asText(null);
            if (column == null || kind == null) {
                throw new BadInputException("invalid-manifest", "the manifest " + where + ": a replaced column needs 'column' and 'kind'");
            }
            JsonNode learned = c.get("learnedAs");
            out.add(new ReplacedColumn(column, kind, learned == null || learned.isNull() ? null : learned.asText()));
        }
        return out;
    }

    /** A row's cells in the order of {@code names} (so the files' column orders need not agree). */
    private static List<String> row(Table table, List<String> names, int r) {
        String[] cells = new String[names.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = table.column(names.get(i)).text(r);
        }
        return java.util.Arrays.asList(cells);
    }

    private static Table labelled(String what, java.util.function.Supplier<Table> read) {
        try {
            return read.get();
        } catch (BadInputException e) {
            BadInputException labelled = new BadInputException(e.slug(), e.status(), "the " + what + " file: " + e.getMessage());
            e.details().forEach(labelled::detail);
            labelled.detail("file", what);
            throw labelled;
        }
    }
}
