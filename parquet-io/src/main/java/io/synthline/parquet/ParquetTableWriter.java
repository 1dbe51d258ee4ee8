package io.synthline.parquet;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.DateTimeFormats;
import io.synthline.commons.table.NumberText;
import io.synthline.commons.table.Table;
import io.synthline.commons.table.TableSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes tables, or rows one at a time, as Snappy-compressed Parquet. Types map one to one:
 * INTEGER to INT64, DECIMAL to DOUBLE, BOOLEAN to BOOLEAN, DATETIME to a DATE (date-only patterns)
 * or a UTC millisecond TIMESTAMP, every text type to a UTF-8 string. Every column is optional.
 * The same rows give the same bytes on every JVM (see {@link CanonicalFooter}).
 */
public final class ParquetTableWriter implements AutoCloseable {
    private final Path file;
    private final TableSchema schema;
    private final MessageType message;
    private final SimpleGroupFactory groups;
    private final ParquetWriter<Group> writer;

    private ParquetTableWriter(Path file, TableSchema schema) throws IOException {
        this.file = file;
        this.schema = schema;
        this.message = messageType(schema);
        this.groups = new SimpleGroupFactory(message);
        Files.deleteIfExists(file);
        this.writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration())
                .withType(message)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build();
    }

    public static ParquetTableWriter open(Path file, TableSchema schema) {
        try {
            return new ParquetTableWriter(file, schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MessageType messageType(TableSchema schema) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (ColumnSchema c : schema.columns()) {
            switch (c.type()) {
                case INTEGER -> b.optional(PrimitiveTypeName.INT64).named(c.name());
                case DECIMAL -> b.optional(PrimitiveTypeName.DOUBLE).named(c.name());
                case BOOLEAN -> b.optional(PrimitiveTypeName.BOOLEAN).named(c.name());
                case DATETIME -> {
                    if (DateTimeFormats.hasTime(c.format())) {
                        b.optional(PrimitiveTypeName.INT64)
                                .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)).named(c.name());
                    } else {
                        b.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(c.name());
                    }
                }
                default -> b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c.name());
            }
        }
        return b.named("synthline");
    }

    /** Writes one row of cell texts (null = missing), parsed by each column's type. */
    public void writeRow(String... cells) {
        Group g = groups.newGroup();
        for (int i = 0; i < schema.size(); i++) {
            String cell = cells[i];
            if (cell == null) {
                continue;
            }
            ColumnSchema c = schema.column(i);
            switch (c.type()) {
                case INTEGER -> g.append(c.name(), (long) number(c, cell));
                case DECIMAL -> g.append(c.name(), number(c, cell));
                case BOOLEAN -> g.append(c.name(), NumberText.parseBoolean(cell));
                case DATETIME -> {
                    double millis = DateTimeFormats.parse(cell, c.format());
                    if (Double.isNaN(millis)) {
                        throw new BadInputException("type-mismatch", "column '" + c.name() + "': '" + cell
                                + "' is not a datetime in format " + c.format());
                    }
                    if (DateTimeFormats.hasTime(c.format())) {
                        g.append(c.name(), (long) millis);
                    } else {
                        g.append(c.name(), (int) Math.floorDiv((long) millis, 86_400_000L));
                    }
                }
                default -> g.append(c.name(), cell);
            }
        }
        try {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double number(ColumnSchema c, String cell) {
        double v = NumberText.parse(cell);
        if (Double.isNaN(v)) {
            throw new BadInputException("type-mismatch", "column '" + c.name() + "': '" + cell + "' is not a " + c.type());
        }
        return v;
    }

    public static void write(Table table, Path file) {
        try (ParquetTableWriter w = open(file, table.schema())) {
            String[] cells = new String[table.columnCount()];
            for (int r = 0; r < table.rowCount(); r++) {
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = table.column(c).text(r);
                }
                w.writeRow(cells);
            }
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
            CanonicalFooter.sortEncodings(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
