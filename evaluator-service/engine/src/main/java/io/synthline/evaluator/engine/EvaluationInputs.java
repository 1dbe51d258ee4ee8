package io.synthline.evaluator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.ReplacedColumn;
import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvRowSource;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.json.Json;
import io.synthline.commons.csv.TypeInference;
import io.synthline.commons.evaluation.EvaluationDocument;
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
        // different columns: read as they are and let the evaluation name what is missing or unexpected
        return labelled(what, () -> CsvTableReader.read(file, CsvOptions.defaults(), companionSchema(file, real.schema())));
    }

    /**
     * Reads the files of an evaluation, each into at most {@code maxRows} rows (a uniform random
     * sample of a larger file, seeded by {@code seed}, drawn while reading: memory is bounded by
     * {@code maxRows}, not by the files).
     *
     * <p>The real side is the rows the synthesizer fitted on. When the real file is the whole
     * dataset (every held-out row is in it, as the generator stores it), that is the file minus the
     * held-out rows as a multiset (a row that occurs twice and was held out once stays once), compared
     * by typed value in any column order; without this the held-out rows would count as training rows
     * and every privacy attack would compare the output with rows on both sides. A real file that is
     * already the training part (some held-out row is not in it) is used as it is.
     *
     * @param realSchema types of the real file (null: inferred)
     * @param holdout    null without a holdout
     */
    public static Read read(Path real, TableSchema realSchema, Path synthetic, Path holdout, int maxRows, long seed) {
        CsvTableReader.RowSample sample = new CsvTableReader.RowSample(maxRows, seed);
        if (holdout == null) {
            // no row keys to match: the real file's types are inferred as it is loaded (one pass over it when every row
            // is kept), then the synthetic file is read with them
            CsvTableReader.Loaded realRows = labelled("real", () -> CsvTableReader.read(real, CsvOptions.defaults(), realSchema,
                    sample, null));
            TableSchema types = realRows.table().schema();
            CsvTableReader.Loaded syn = labelled("synthetic", () -> CsvTableReader.read(synthetic, CsvOptions.defaults(),
                    companionSchema(synthetic, types), new CsvTableReader.RowSample(maxRows, seed + 2), null));
            boolean sampled = realRows.sampled() || syn.sampled();
            return new Read(realRows.table(), syn.table(), null, !sampled ? null
                    : new EvaluationDocument.Sampling(maxRows, seed, realRows.rowsRead(), syn.rowsRead(), null), 0);
        }
        TableSchema schema = labelled("real", () -> schemaOf(real, realSchema));
        List<String> names = schema.names();
        HeldOutRows heldOut = new HeldOutRows(names);
        CsvTableReader.Loaded hold = holdout == null ? null : labelled("holdout", () -> CsvTableReader.read(holdout,
                CsvOptions.defaults(), companionSchema(holdout, schema), new CsvTableReader.RowSample(maxRows, seed + 1),
                sameColumns(holdout, names) ? heldOut : null));
        heldOut.seal();
        // the real and the synthetic file are read at the same time (each also parsed in parallel chunks); a problem
        // of the real file is still reported before one of the synthetic file
        List<CsvTableReader.Loaded> both = Parallel.map(2, 2, "evaluation-inputs", i -> i == 0
                ? labelled("real", () -> CsvTableReader.read(real, CsvOptions.defaults(), schema, sample,
                        heldOut.isEmpty() ? null : heldOut.matcher()))
                : labelled("synthetic", () -> CsvTableReader.read(synthetic, CsvOptions.defaults(), companionSchema(synthetic, schema),
                        new CsvTableReader.RowSample(maxRows, seed + 2), null)));
        CsvTableReader.Loaded realRows = both.get(0);
        CsvTableReader.Loaded syn = both.get(1);
        Table training = realRows.table();
        long removed = 0;
        // every held-out row was found in the real file: it is the whole dataset, take them out
        if (!heldOut.isEmpty() && realRows.markedRows() == heldOut.size()) {
            java.util.BitSet marked = realRows.marked();
            int[] kept = new int[training.rowCount() - marked.cardinality()];
            for (int r = 0, n = 0; r < training.rowCount(); r++) {
                if (!marked.get(r)) {
                    kept[n++] = r;
                }
            }
            training = training.rows(kept);
            removed = heldOut.size();
        }
        boolean sampled = realRows.sampled() || syn.sampled() || (hold != null && hold.sampled());
        EvaluationDocument.Sampling sampling = !sampled ? null : new EvaluationDocument.Sampling(maxRows, seed, realRows.rowsRead(),
                syn.rowsRead(), hold == null ? null : hold.rowsRead());
        return new Read(training, syn.table(), hold == null ? null : hold.table(), sampling, removed);
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

    /**
     * The tables of one evaluation (see {@link #read}).
     *
     * @param heldOutRowsRemoved rows of the real file that were held-out rows and were taken out (0 when none)
     * @param sampling           how larger files were sampled; null when every row was read
     */
    public record Read(Table real, Table synthetic, Table holdout, EvaluationDocument.Sampling sampling, long heldOutRowsRemoved) {
    }

    /** The keys of the held-out rows, as a multiset each real row can take one copy from. */
    private static final class HeldOutRows implements CsvTableReader.RowKeys {
        private final List<String> columns;
        private long[] keys = new long[1024];
        private int size;
        private long[] distinct;
        private int[] left;

        HeldOutRows(List<String> columns) {
            this.columns = columns;
        }

        @Override
        public List<String> columns() {
            return columns;
        }

        @Override
        public boolean mark(long key) {
            if (size == keys.length) {
                keys = java.util.Arrays.copyOf(keys, size * 2);
            }
            keys[size++] = key;
            return false;
        }

        void seal() {
            long[] sorted = java.util.Arrays.copyOf(keys, size);
            java.util.Arrays.sort(sorted);
            distinct = new long[size];
            left = new int[size];
            int n = 0;
            for (int i = 0; i < size; i++) {
                if (n == 0 || distinct[n - 1] != sorted[i]) {
                    distinct[n++] = sorted[i];
                }
                left[n - 1]++;
            }
            distinct = java.util.Arrays.copyOf(distinct, n);
            keys = null;
        }

        boolean isEmpty() {
            return size == 0;
        }

        long size() {
            return size;
        }

        CsvTableReader.RowKeys matcher() {
            return new CsvTableReader.RowKeys() {
                @Override
                public List<String> columns() {
                    return columns;
                }

                @Override
                public boolean mark(long key) {
                    int i = java.util.Arrays.binarySearch(distinct, key);
                    if (i < 0 || left[i] == 0) {
                        return false;
                    }
                    left[i]--;
                    return true;
                }
            };
        }
    }

    private static TableSchema schemaOf(Path file, TableSchema explicit) {
        List<String> header = header(file);
        return explicit != null && explicit.names().equals(header) ? explicit
                : TypeInference.infer(file, CsvOptions.defaults()).overriddenBy(explicit);
    }

    /** The real file's types for a file with the same columns (in any order); null for other columns. */
    private static TableSchema companionSchema(Path file, TableSchema real) {
        return sameColumns(file, real.names()) ? real : null;
    }

    private static boolean sameColumns(Path file, List<String> names) {
        return new HashSet<>(header(file)).equals(new HashSet<>(names));
    }

    private static List<String> header(Path file) {
        try (CsvRowSource source = CsvRowSource.open(file, CsvOptions.defaults())) {
            return source.header();
        }
    }

    private static <T> T labelled(String what, java.util.function.Supplier<T> read) {
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
