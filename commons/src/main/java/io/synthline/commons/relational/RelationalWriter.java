package io.synthline.commons.relational;

import io.synthline.commons.csv.CsvTableWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a relational dataset as a directory: TABLE.csv per table and {@value RelationalReader#METADATA_FILE}.
 * Files for people (opened in spreadsheets) escape formula cells ({@link io.synthline.commons.csv.FormulaGuard});
 * {@link RelationalReader#readLike} with {@code formulasEscaped} reads them back exactly.
 */
public final class RelationalWriter {
    private RelationalWriter() {
    }

    /** @return the files written, tables first */
    public static List<Path> write(RelationalDataset dataset, Path dir, boolean escapeFormulas) {
        try {
            Files.createDirectories(dir);
            List<Path> written = new ArrayList<>();
            for (var e : dataset.tables().entrySet()) {
                Path file = dir.resolve(e.getKey() + ".csv");
                try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    CsvTableWriter.write(e.getValue(), out, escapeFormulas);
                }
                written.add(file);
            }
            Path meta = dir.resolve(RelationalReader.METADATA_FILE);
            Files.writeString(meta, MetadataJson.write(dataset.metadata()), StandardCharsets.UTF_8);
            written.add(meta);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
