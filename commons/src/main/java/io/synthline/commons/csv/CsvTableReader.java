package io.synthline.commons.csv;

import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.DateTimeFormats;
import io.synthline.commons.table.NumberText;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.commons.table.TableSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV file into a columnar {@link Table}: one pass to infer types (unless given), one to
 * load. A large file is parsed by all cores (see {@link CsvRowSource#open(Path, CsvOptions, int)}),
 * with the same table as a sequential read.
 */
public final class CsvTableReader {
    private CsvTableReader() {
    }

    public static Table read(Path path) {
        return read(path, CsvOptions.defaults(), null);
    }

    /**
     * @param explicit types the caller declares; they win over inference for the columns they
     *                 name. If it names every column, inference is skipped.
     */
    public static Table read(Path path, CsvOptions options, TableSchema explicit) {
        return read(path, options, explicit, RowSample.ALL, null).table();
    }

    /** {@link #read(Path, CsvOptions, TableSchema)} with the file parsed by {@code threads} threads (the same table for any number). */
    public static Table read(Path path, CsvOptions options, TableSchema explicit, int threads) {
        return read(path, options, explicit, RowSample.ALL, null, threads).table();
    }

    private static boolean coversHeader(Path path, CsvOptions options, TableSchema explicit) {
        try (CsvRowSource source = CsvRowSource.open(path, options)) {
            return explicit.names().equals(source.header());
        }
    }

    /**
     * Which rows a load keeps: every row ({@link #ALL}), or a uniform random sample of at most
     * {@code maxRows} rows (reservoir sampling seeded by {@code seed}), kept in file order. A file
     * with at most {@code maxRows} rows is loaded whole, exactly as without sampling.
     */
    public record RowSample(int maxRows, long seed) {
        public static final RowSample ALL = new RowSample(Integer.MAX_VALUE, 0);

        public RowSample {
            if (maxRows < 1) {
                throw new IllegalArgumentException("maxRows must be positive, got " + maxRows);
            }
        }
    }

    /**
     * Sees every row of a load, kept or not, in file order, as a 64-bit key of its typed values in
     * the order of {@link #columns()} (two rows with equal values have equal keys, whatever the
     * file's column order); {@link #mark} decides whether the row is marked.
     */
    public interface RowKeys {
        List<String> columns();

        boolean mark(long key);
    }

    /**
     * @param rowsRead   data rows in the file (the table holds all of them or a sample)
     * @param marked     the table's rows that {@link RowKeys#mark} marked (empty without row keys)
     * @param markedRows rows of the whole file that were marked, kept or not
     */
    public record Loaded(Table table, long rowsRead, java.util.BitSet marked, long markedRows) {
        public boolean sampled() {
            return rowsRead > table.rowCount();
        }
    }

    /**
     * Reads a file like {@link #read(Path, CsvOptions, TableSchema)}, keeping the rows of
     * {@code sample}: memory is bounded by the sample, not by the file. Every row is still parsed
     * and checked against its types, so a bad value anywhere is reported with its line.
     *
     * @param keys null, or what sees each row's key
     */
    public static Loaded read(Path path, CsvOptions options, TableSchema explicit, RowSample sample, RowKeys keys) {
        return read(path, options, explicit, sample, keys, Parallel.defaultThreads());
    }

    private static Loaded read(Path path, CsvOptions options, TableSchema explicit, RowSample sample, RowKeys keys, int threads) {
        TableSchema schema;
        if (explicit != null && coversHeader(path, options, explicit)) {
            schema = explicit;
        } else {
            schema = TypeInference.infer(path, options, threads).overriddenBy(explicit);
        }
        try (CsvRowSource source = CsvRowSource.open(path, options, threads)) {
            return load(source, schema, sample, keys, threads);
        }
    }

    /** Loads the rest of the source with a known schema whose column order matches the header. */
    public static Table load(CsvRowSource source, TableSchema schema) {
        return load(source, schema, RowSample.ALL, null, 1).table();
    }

    /**
     * @param threads with more than one (and no row keys), the columns are converted by that many
     *                threads, each column's values in file order (see {@link ColumnBlocks}): the
     *                same table, and the same first bad value, as one thread
     */
    private static Loaded load(CsvRowSource source, TableSchema schema, RowSample sample, RowKeys keys, int threads) {
        if (!schema.names().equals(source.header())) {
            throw new CsvFormatException("schema-mismatch", 1, null,
                    "the header " + source.header() + " does not match the schema columns " + schema.names());
        }
        ColumnBuilder[] builders = new ColumnBuilder[schema.size()];
        for (int i = 0; i < builders.length; i++) {
            ColumnSchema cs = schema.column(i);
            builders[i] = cs.type().isNumeric() ? new NumericBuilder(cs) : new CategoricalBuilder(cs, sample.maxRows());
        }
        int[] keyColumns = keys == null ? null : keys.columns().stream()
                .mapToInt(name -> schema.indexOf(name).orElseThrow(() -> new IllegalArgumentException("no column " + name))).toArray();
        java.util.SplittableRandom random = new java.util.SplittableRandom(sample.seed());
        int capacity = sample.maxRows();
        long[] rowOfSlot = new long[Math.min(capacity, 1024)];
        java.util.BitSet markedSlots = new java.util.BitSet();
        long rows = 0;
        long markedRows = 0;
        int kept = 0;
        Slots slotOf = new Slots(random, capacity, rowOfSlot);
        if (keyColumns == null && threads > 1 && builders.length > 1) {
            int[][] blockSlots = {new int[0]};
            ColumnBlocks.forEachBlock(source, threads, (block, c) -> {
                ColumnBuilder b = builders[c];
                int[] rowSlots = blockSlots[0];
                for (int r = 0, n = block.rows(); r < n; r++) {
                    try {
                        b.add(block.value(c, r), block.line(r), rowSlots[r]);
                    } catch (CsvFormatException e) {
                        throw new ColumnBlocks.RowProblem(r, c, e);
                    }
                }
            }, block -> {
                int[] rowSlots = new int[block.rows()];
                for (int r = 0; r < rowSlots.length; r++) {
                    rowSlots[r] = slotOf.next();
                }
                blockSlots[0] = rowSlots;
            });
        } else {
            while (source.next()) {
                int slot = slotOf.next();
                for (int i = 0; i < builders.length; i++) {
                    builders[i].add(source.value(i), source.lineNumber(), slot);
                }
                if (keyColumns != null) {
                    long key = 0x9E3779B97F4A7C15L;
                    for (int c : keyColumns) {
                        key = (key ^ builders[c].lastKey()) * 0xFF51AFD7ED558CCDL;
                        key ^= key >>> 33;
                    }
                    boolean mark = keys.mark(key);
                    if (mark) {
                        markedRows++;
                    }
                    if (slot >= 0) {
                        markedSlots.set(slot, mark);
                    }
                }
            }
        }
        rowOfSlot = slotOf.rowOfSlot;
        rows = slotOf.rows;
        kept = slotOf.kept;
        List<Column> columns = new ArrayList<>(builders.length);
        for (ColumnBuilder b : builders) {
            columns.add(b.build(kept));
        }
        Table table = new Table(columns);
        if (rows <= capacity) {
            return new Loaded(table, rows, markedSlots, markedRows);
        }
        // replaced slots hold rows out of file order: put them back in order (and re-code categories as a read of those rows would)
        long[] order = new long[kept];
        for (int slot = 0; slot < kept; slot++) {
            order[slot] = (rowOfSlot[slot] << 31) | slot;
        }
        Arrays.sort(order);
        int[] slots = new int[kept];
        java.util.BitSet marked = new java.util.BitSet();
        for (int i = 0; i < kept; i++) {
            slots[i] = (int) (order[i] & 0x7FFFFFFFL);
            marked.set(i, markedSlots.get(slots[i]));
        }
        return new Loaded(table.rows(slots), rows, marked, markedRows);
    }

    /** Which slot of the table each row of the file goes to, in file order (reservoir sampling beyond the capacity). */
    private static final class Slots {
        private final java.util.SplittableRandom random;
        private final int capacity;
        long[] rowOfSlot;
        long rows;
        int kept;

        Slots(java.util.SplittableRandom random, int capacity, long[] rowOfSlot) {
            this.random = random;
            this.capacity = capacity;
            this.rowOfSlot = rowOfSlot;
        }

        /** The next row's slot, -1 when it is not kept. */
        int next() {
            int slot;
            if (kept < capacity) {
                slot = kept++;
            } else {
                long j = random.nextLong(rows + 1);
                slot = j < capacity ? (int) j : -1;
            }
            if (slot >= 0) {
                if (slot == rowOfSlot.length) {
                    rowOfSlot = Arrays.copyOf(rowOfSlot, (int) Math.min((long) capacity, 2L * slot));
                }
                rowOfSlot[slot] = rows;
            }
            rows++;
            return slot;
        }
    }

    private interface ColumnBuilder {
        /** Parses and checks the value (a bad one is reported at {@code line}); stores it at {@code slot} (-1: the row is not kept). */
        void add(String value, long line, int slot);

        /** A 64-bit key of the value last added: equal values, equal keys. */
        long lastKey();

        Column build(int size);
    }

    private static final class NumericBuilder implements ColumnBuilder {
        private final ColumnSchema schema;
        private double[] values = new double[1024];
        private double last;

        NumericBuilder(ColumnSchema schema) {
            this.schema = schema;
        }

        @Override
        public void add(String value, long line, int slot) {
            double v;
            if (value == null) {
                v = Double.NaN;
            } else {
                v = schema.type() == ColumnType.DATETIME ? DateTimeFormats.parse(value, schema.format())
                        : NumberText.parse(value);
                if (Double.isNaN(v)) {
                    throw new CsvFormatException("type-mismatch", line, schema.name(),
                            "'" + abbreviate(value) + "' is not a valid " + schema.type()
                                    + (schema.format() != null ? " (" + schema.format() + ")" : ""));
                }
                if (schema.type() == ColumnType.INTEGER && v != Math.rint(v)) {
                    throw new CsvFormatException("type-mismatch", line, schema.name(),
                            "'" + abbreviate(value) + "' is not an INTEGER");
                }
            }
            last = v;
            if (slot < 0) {
                return;
            }
            if (slot == values.length) {
                values = Arrays.copyOf(values, slot * 2);
            }
            values[slot] = v;
        }

        @Override
        public long lastKey() {
            // one key for every NaN (missing), and 0.0 == -0.0 as the values compare
            return last == 0.0 ? 0L : Double.doubleToLongBits(last);
        }

        @Override
        public Column build(int size) {
            return new NumericColumn(schema, Arrays.copyOf(values, size));
        }
    }

    private static final class CategoricalBuilder implements ColumnBuilder {
        private final ColumnSchema schema;
        /** Past this many categories (only when sampling) the unused ones are dropped. */
        private final long compactAbove;
        private Map<String, Integer> index = new HashMap<>();
        private List<String> categories = new ArrayList<>();
        private int[] codes = new int[1024];
        private int size;
        private String last;

        CategoricalBuilder(ColumnSchema schema, int maxRows) {
            this.schema = schema;
            this.compactAbove = maxRows == Integer.MAX_VALUE ? Long.MAX_VALUE : 2L * maxRows + 1024;
        }

        @Override
        public void add(String value, long line, int slot) {
            last = value;
            if (slot < 0) {
                return;
            }
            int code;
            if (value == null) {
                code = CategoricalColumn.NULL_CODE;
            } else {
                Integer existing = index.get(value);
                if (existing == null) {
                    if (categories.size() >= compactAbove) {
                        compact();
                    }
                    code = categories.size();
                    index.put(value, code);
                    categories.add(value);
                } else {
                    code = existing;
                }
            }
            if (slot == codes.length) {
                codes = Arrays.copyOf(codes, slot * 2);
            }
            if (slot == size) {
                size++;
            }
            codes[slot] = code;
        }

        /** Drops the categories no kept row uses any more (a sample replaces rows; their values would pile up). */
        private void compact() {
            int[] newCode = new int[categories.size()];
            Arrays.fill(newCode, CategoricalColumn.NULL_CODE);
            List<String> used = new ArrayList<>();
            Map<String, Integer> usedIndex = new HashMap<>();
            for (int i = 0; i < size; i++) {
                int c = codes[i];
                if (c == CategoricalColumn.NULL_CODE) {
                    continue;
                }
                if (newCode[c] == CategoricalColumn.NULL_CODE) {
                    newCode[c] = used.size();
                    usedIndex.put(categories.get(c), used.size());
                    used.add(categories.get(c));
                }
                codes[i] = newCode[c];
            }
            categories = used;
            index = usedIndex;
        }

        @Override
        public long lastKey() {
            if (last == null) {
                return 0x5bd1e9955bd1e995L;
            }
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < last.length(); i++) {
                h = (h ^ last.charAt(i)) * 0x100000001b3L;
            }
            return h ^ last.length();
        }

        @Override
        public Column build(int rows) {
            return new CategoricalColumn(schema, Arrays.copyOf(codes, rows), categories);
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
