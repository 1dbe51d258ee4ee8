package io.synthline.generator.engine.output;

import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvRowSource;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.TableSchema;
import io.synthline.parquet.ParquetTableWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parquet output: the generated CSV (the canonical, hashed output) re-encoded row by row with the
 * commons Parquet writer, so that neither side is ever held in memory. Columns keep the training
 * schema's types; the provenance columns are {@code _synth_run} (text) and {@code _synth_row} (integer).
 */
public final class ParquetOutput {
    public static final String MEDIA_TYPE = "application/vnd.apache.parquet";

    private ParquetOutput() {
    }

    /** The schema of an output with {@code header}, typed like the training columns of the same name. */
    public static TableSchema schema(List<String> header, TableSchema training) {
        List<ColumnSchema> columns = new ArrayList<>();
        for (String name : header) {
            java.util.OptionalInt index = training.indexOf(name);
            if (index.isPresent()) {
                columns.add(training.column(index.getAsInt()));
            } else if (name.equals(CsvRowEncoder.ROW_COLUMN)) {
                columns.add(new ColumnSchema(name, ColumnType.INTEGER, null));
            } else {
                columns.add(new ColumnSchema(name, ColumnType.TEXT, null));
            }
        }
        return new TableSchema(columns);
    }

    /** Writes the rows of {@code csv} (with a header row) as Parquet to {@code parquet}. */
    public static long convert(Path csv, TableSchema schema, Path parquet) {
        long rows = 0;
        try (CsvRowSource source = CsvRowSource.open(csv, CsvOptions.defaults());
                ParquetTableWriter writer = ParquetTableWriter.open(parquet, schema)) {
            String[] cells = new String[schema.columns().size()];
            while (source.next()) {
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = source.value(c);
                }
                writer.writeRow(cells);
                rows++;
            }
        }
        return rows;
    }
}
