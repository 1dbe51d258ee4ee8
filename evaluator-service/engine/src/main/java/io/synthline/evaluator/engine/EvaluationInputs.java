package io.synthline.evaluator.engine;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvRowSource;
import io.synthline.commons.csv.CsvTableReader;
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
