package io.synthline.parquet;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.RowSource;
import io.synthline.commons.table.TableSchema;
import io.synthline.commons.table.ValueFormatter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Streams the rows of a flat Parquet file (one row group in memory at a time). Cells are rendered
 * as the text a CSV of the same table would hold, and the file's own types become the declared
 * schema: integers, decimals, booleans, dates and timestamps are taken as such; strings are left to
 * inference (a Parquet string column may well hold categories or identifiers).
 */
public final class ParquetRowSource implements RowSource {
    static final String TIMESTAMP_PATTERN = "uuuu-MM-dd'T'HH:mm:ss.SSS";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern(TIMESTAMP_PATTERN).withZone(ZoneOffset.UTC);

    private final ParquetFileReader reader;
    private final MessageType schema;
    private final List<String> header;
    private final TableSchema declared;
    private final Renderer[] renderers;
    private RecordReader<Group> records;
    private long remainingInGroup;
    private Group current;
    private long row;

    @FunctionalInterface
    private interface Renderer {
        String render(Group g, int field);
    }

    private ParquetRowSource(Path file, int maxColumns) throws IOException {
        this.reader = new ParquetFileReader(new LocalInputFile(file), ParquetReadOptions.builder().build());
        try {
            this.schema = reader.getFooter().getFileMetaData().getSchema();
            List<Type> fields = schema.getFields();
            if (fields.size() > maxColumns) {
                throw new BadInputException("too-many-columns", "the file has " + fields.size()
                        + " columns, more than the limit of " + maxColumns).detail("limit", maxColumns);
            }
            List<String> names = new ArrayList<>();
            List<ColumnSchema> types = new ArrayList<>();
            renderers = new Renderer[fields.size()];
            for (int i = 0; i < fields.size(); i++) {
                Type t = fields.get(i);
                if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
                    throw new BadInputException("unsupported-parquet", "column '" + t.getName()
                            + "' is nested or repeated; only flat tables are supported").detail("column", t.getName());
                }
                names.add(t.getName());
                PrimitiveType p = t.asPrimitiveType();
                ColumnSchema declaredType = declaredType(p);
                if (declaredType != null) {
                    types.add(declaredType);
                }
                renderers[i] = renderer(p);
            }
            if (new java.util.HashSet<>(names).size() != names.size()) {
                throw new BadInputException("duplicate-header", "the Parquet schema names a column twice");
            }
            this.header = List.copyOf(names);
            this.declared = new TableSchema(types);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    public static ParquetRowSource open(Path file, int maxColumns) {
        try {
            return new ParquetRowSource(file, maxColumns);
        } catch (IOException | RuntimeException e) {
            throw ParquetFiles.translate(e, file);
        }
    }

    private static ColumnSchema declaredType(PrimitiveType p) {
        LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
        String name = p.getName();
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return new ColumnSchema(name, ColumnType.DATETIME, "uuuu-MM-dd");
        }
        if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation
                || p.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT96) {
            return new ColumnSchema(name, ColumnType.DATETIME, TIMESTAMP_PATTERN);
        }
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
            return ColumnSchema.of(name, ColumnType.DECIMAL);
        }
        if (logical instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
            return ColumnSchema.of(name, ColumnType.IDENTIFIER);
        }
        if (logical == null || logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation) {
            return switch (p.getPrimitiveTypeName()) {
                case INT32, INT64 -> ColumnSchema.of(name, ColumnType.INTEGER);
                case FLOAT, DOUBLE -> ColumnSchema.of(name, ColumnType.DECIMAL);
                case BOOLEAN -> ColumnSchema.of(name, ColumnType.BOOLEAN);
                case BINARY, FIXED_LEN_BYTE_ARRAY -> logical == null ? ColumnSchema.of(name, ColumnType.TEXT) : null;
                default -> null;
            };
        }
        return null;
    }

    private static Renderer renderer(PrimitiveType p) {
        LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return (g, f) -> LocalDate.ofEpochDay(g.getInteger(f, 0)).toString();
        }
        if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
            return (g, f) -> {
                long v = g.getLong(f, 0);
                Instant t = switch (ts.getUnit()) {
                    case MILLIS -> Instant.ofEpochMilli(v);
                    case MICROS -> Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1000);
                    case NANOS -> Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L));
                };
                return TIMESTAMP.format(t);
            };
        }
        if (p.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT96) {
            return (g, f) -> {
                ByteBuffer b = ByteBuffer.wrap(g.getInt96(f, 0).getBytes()).order(ByteOrder.LITTLE_ENDIAN);
                long nanos = b.getLong();
                long julianDay = b.getInt();
                long epochDay = julianDay - 2_440_588L;
                return TIMESTAMP.format(Instant.ofEpochSecond(epochDay * 86_400L, 0).plusNanos(nanos));
            };
        }
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
            return switch (p.getPrimitiveTypeName()) {
                case INT32 -> (g, f) -> BigDecimal.valueOf(g.getInteger(f, 0), d.getScale()).toPlainString();
                case INT64 -> (g, f) -> BigDecimal.valueOf(g.getLong(f, 0), d.getScale()).toPlainString();
                default -> (g, f) -> new BigDecimal(new BigInteger(g.getBinary(f, 0).getBytes()), d.getScale()).toPlainString();
            };
        }
        if (logical instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
            return (g, f) -> {
                ByteBuffer b = ByteBuffer.wrap(g.getBinary(f, 0).getBytes());
                return new UUID(b.getLong(), b.getLong()).toString();
            };
        }
        return switch (p.getPrimitiveTypeName()) {
            case INT32 -> (g, f) -> Integer.toString(g.getInteger(f, 0));
            case INT64 -> (g, f) -> Long.toString(g.getLong(f, 0));
            case FLOAT -> (g, f) -> finite(g.getFloat(f, 0));
            case DOUBLE -> (g, f) -> finite(g.getDouble(f, 0));
            case BOOLEAN -> (g, f) -> Boolean.toString(g.getBoolean(f, 0));
            case BINARY, FIXED_LEN_BYTE_ARRAY -> logical == null
                    ? (g, f) -> Base64.getEncoder().encodeToString(g.getBinary(f, 0).getBytes())
                    : (g, f) -> g.getBinary(f, 0).toStringUsingUTF8();
            default -> (g, f) -> g.getValueToString(f, 0);
        };
    }

    private static String finite(double v) {
        return Double.isFinite(v) ? ValueFormatter.decimal(v) : null;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public TableSchema declaredSchema() {
        return declared;
    }

    @Override
    public boolean next() {
        try {
            while (remainingInGroup == 0) {
                PageReadStore pages = reader.readNextRowGroup();
                if (pages == null) {
                    current = null;
                    return false;
                }
                remainingInGroup = pages.getRowCount();
                records = new ColumnIOFactory().getColumnIO(schema).getRecordReader(pages, new GroupRecordConverter(schema));
            }
            current = records.read();
            remainingInGroup--;
            row++;
            return true;
        } catch (IOException | ParquetDecodingException e) {
            throw new BadInputException("malformed-parquet", "row " + (row + 1) + ": the Parquet data cannot be decoded ("
                    + e.getMessage() + ")").detail("row", row + 1);
        }
    }

    @Override
    public String value(int column) {
        if (current.getFieldRepetitionCount(column) == 0) {
            return null;
        }
        return renderers[column].render(current, column);
    }

    @Override
    public long lineNumber() {
        return row;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
