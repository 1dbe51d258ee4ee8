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
import io.synthline.commons.table.TextBlock;
import io.synthline.commons.table.TextDictionary;
import io.synthline.commons.table.ValueHash;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    private static List<String> header(Path path, CsvOptions options) {
        try (CsvRowSource source = CsvRowSource.open(path, options)) {
            return source.header();
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
        List<String> header = explicit == null ? null : header(path, options);
        if (explicit != null && explicit.names().equals(header)) {
            schema = explicit;
        } else if (keys == null && sample.maxRows() == Integer.MAX_VALUE && (explicit == null || header.containsAll(explicit.names()))) {
            return inferAndLoad(path, options, explicit, threads);
        } else {
            schema = TypeInference.infer(path, options, threads).overriddenBy(explicit);
        }
        try (CsvRowSource source = CsvRowSource.open(path, options, threads)) {
            return load(source, schema, sample, keys, threads);
        }
    }

    /**
     * Infers the types and loads the values in one pass (every row kept, no row keys): a column of
     * unknown type is held as dictionary codes, with its distinct values checked once each, or as
     * numbers once it has too many distinct values to be anything but numeric or text (see
     * {@link InferringBuilder}); at the end its codes become the type inference decided. The same
     * table as inferring, then loading. Should a column turn out to need values it no longer holds
     * (numbers for more than {@link TypeInference#DISTINCT_CAP} distinct values, then a value that
     * is not one), the file is loaded again with the types found.
     */
    private static Loaded inferAndLoad(Path path, CsvOptions options, TableSchema explicit, int threads) {
        ColumnBuilder[] builders;
        try (CsvRowSource source = CsvRowSource.open(path, options, threads)) {
            List<String> header = source.header();
            builders = new ColumnBuilder[header.size()];
            for (int i = 0; i < builders.length; i++) {
                var declared = explicit == null ? java.util.OptionalInt.empty() : explicit.indexOf(header.get(i));
                builders[i] = declared.isPresent() ? builder(explicit.column(declared.getAsInt()), RowSample.ALL, false)
                        : new InferringBuilder(header.get(i));
            }
            Loaded loaded = load(source, builders, RowSample.ALL, null, threads);
            if (loaded != null) {
                return loaded;
            }
        }
        TableSchema schema = new TableSchema(java.util.Arrays.stream(builders).map(ColumnBuilder::schema).toList());
        try (CsvRowSource source = CsvRowSource.open(path, options, threads)) {
            return load(source, schema, RowSample.ALL, null, threads);
        }
    }

    /** Loads the rest of the source with a known schema whose column order matches the header. */
    public static Table load(CsvRowSource source, TableSchema schema) {
        return load(source, schema, RowSample.ALL, null, 1).table();
    }

    /**
     * @param threads the columns are converted by that many threads, each column's values in file
     *                order (see {@link ColumnBlocks}): the same table, row keys and first bad value
     *                for any number
     */
    private static Loaded load(CsvRowSource source, TableSchema schema, RowSample sample, RowKeys keys, int threads) {
        if (!schema.names().equals(source.header())) {
            throw new CsvFormatException("schema-mismatch", 1, null,
                    "the header " + source.header() + " does not match the schema columns " + schema.names());
        }
        ColumnBuilder[] builders = new ColumnBuilder[schema.size()];
        for (int i = 0; i < builders.length; i++) {
            builders[i] = builder(schema.column(i), sample, keys != null);
        }
        return load(source, builders, sample, keys, threads);
    }

    private static ColumnBuilder builder(ColumnSchema column, RowSample sample, boolean keyed) {
        return column.type().isNumeric() ? new NumericBuilder(column, keyed) : new CategoricalBuilder(column, sample.maxRows(), keyed);
    }

    /** Loads the rest of the source into the builders; null when a column could not be built from what it kept (see {@link InferringBuilder}). */
    private static Loaded load(CsvRowSource source, ColumnBuilder[] builders, RowSample sample, RowKeys keys, int threads) {
        List<String> header = source.header();
        int[] keyColumns = keys == null ? null : keys.columns().stream().mapToInt(name -> {
            int i = header.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("no column " + name);
            }
            return i;
        }).toArray();
        java.util.SplittableRandom random = new java.util.SplittableRandom(sample.seed());
        int capacity = sample.maxRows();
        long[] rowOfSlot = new long[Math.min(capacity, 1024)];
        java.util.BitSet markedSlots = new java.util.BitSet();
        long[] markedRows = {0};
        Slots slotOf = new Slots(random, capacity, rowOfSlot);
        int[][] blockSlots = {new int[0]};
        ColumnBlocks.forEachBlock(source, threads, (block, c) -> {
            ColumnBuilder b = builders[c];
            int[] rowSlots = blockSlots[0];
            char[] chars = block.chars();
            for (int r = 0, n = block.rows(); r < n; r++) {
                try {
                    b.add(chars, block.start(c, r), block.length(c, r), block.line(r), rowSlots[r], r);
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
        }, keyColumns == null ? null : block -> {
            int[] rowSlots = blockSlots[0];
            for (int r = 0, n = block.rows(); r < n; r++) {
                long key = 0x9E3779B97F4A7C15L;
                for (int c : keyColumns) {
                    key = (key ^ builders[c].key(r)) * 0xFF51AFD7ED558CCDL;
                    key ^= key >>> 33;
                }
                boolean mark = keys.mark(key);
                if (mark) {
                    markedRows[0]++;
                }
                if (rowSlots[r] >= 0) {
                    markedSlots.set(rowSlots[r], mark);
                }
            }
        });
        rowOfSlot = slotOf.rowOfSlot;
        long rows = slotOf.rows;
        int kept = slotOf.kept;
        List<Column> columns = new ArrayList<>(builders.length);
        for (ColumnBuilder b : builders) {
            Column column = b.build(kept);
            if (column == null) {
                return null;
            }
            columns.add(column);
        }
        Table table = new Table(columns);
        if (rows <= capacity) {
            return new Loaded(table, rows, markedSlots, markedRows[0]);
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
        return new Loaded(table.rows(slots), rows, marked, markedRows[0]);
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
        /**
         * Parses and checks the cell {@code chars[start..start+length)} ({@code length} is
         * {@link TextBlock#MISSING} for a missing one; a bad value is reported at {@code line}) and
         * stores it at {@code slot} (-1: the row is not kept). With row keys, remembers the value's
         * key as that of row {@code row} of the block.
         */
        void add(char[] chars, int start, int length, long line, int slot, int row);

        /** A 64-bit key of the value of row {@code row} of the block last added: equal values, equal keys. */
        long key(int row);

        ColumnSchema schema();

        /** The column of the first {@code size} slots; null when it cannot be built from what was kept (see {@link InferringBuilder}). */
        Column build(int size);
    }

    /** Per-row keys of the block being read, for builders of a keyed load. */
    private static final class BlockKeys {
        private long[] keys = new long[0];

        void set(int row, long key) {
            if (row >= keys.length) {
                keys = Arrays.copyOf(keys, Math.max(64, Math.max(row + 1, 2 * keys.length)));
            }
            keys[row] = key;
        }

        long get(int row) {
            return keys[row];
        }
    }

    private static final class NumericBuilder implements ColumnBuilder {
        private final ColumnSchema schema;
        /** Reads the declared datetime pattern; null for numbers. */
        private final DateTimeFormats.Parser dates;
        private final BlockKeys keys;
        private double[] values = new double[1024];

        NumericBuilder(ColumnSchema schema, boolean keyed) {
            this.schema = schema;
            this.dates = schema.type() == ColumnType.DATETIME ? DateTimeFormats.parser(schema.format()) : null;
            this.keys = keyed ? new BlockKeys() : null;
        }

        @Override
        public void add(char[] chars, int start, int length, long line, int slot, int row) {
            double v;
            if (length == TextBlock.MISSING) {
                v = Double.NaN;
            } else {
                v = dates != null ? dates.parse(chars, start, length) : NumberText.parse(chars, start, length);
                if (Double.isNaN(v)) {
                    throw new CsvFormatException("type-mismatch", line, schema.name(),
                            "'" + abbreviate(new String(chars, start, length)) + "' is not a valid " + schema.type()
                                    + (schema.format() != null ? " (" + schema.format() + ")" : ""));
                }
                if (schema.type() == ColumnType.INTEGER && v != Math.rint(v)) {
                    throw new CsvFormatException("type-mismatch", line, schema.name(),
                            "'" + abbreviate(new String(chars, start, length)) + "' is not an INTEGER");
                }
            }
            if (keys != null) {
                // one key for every NaN (missing), and 0.0 == -0.0 as the values compare
                keys.set(row, v == 0.0 ? 0L : Double.doubleToLongBits(v));
            }
            if (slot < 0) {
                return;
            }
            if (slot == values.length) {
                values = Arrays.copyOf(values, slot * 2);
            }
            values[slot] = v;
        }

        @Override
        public long key(int row) {
            return keys.get(row);
        }

        @Override
        public ColumnSchema schema() {
            return schema;
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
        private final BlockKeys keys;
        /** The categories by code, looked up by their characters (no string per cell). */
        private TextDictionary index = new TextDictionary();
        private List<String> categories = new ArrayList<>();
        private int[] codes = new int[1024];
        private int size;

        CategoricalBuilder(ColumnSchema schema, int maxRows, boolean keyed) {
            this.schema = schema;
            this.compactAbove = maxRows == Integer.MAX_VALUE ? Long.MAX_VALUE : 2L * maxRows + 1024;
            this.keys = keyed ? new BlockKeys() : null;
        }

        @Override
        public void add(char[] chars, int start, int length, long line, int slot, int row) {
            if (keys != null) {
                keys.set(row, key(chars, start, length));
            }
            if (slot < 0) {
                return;
            }
            int code;
            if (length == TextBlock.MISSING) {
                code = CategoricalColumn.NULL_CODE;
            } else {
                long hash = ValueHash.of(chars, start, length);
                code = index.codeOf(hash, chars, start, length);
                if (code < 0) {
                    if (categories.size() >= compactAbove) {
                        compact();
                    }
                    code = index.add(hash, chars, start, length);
                    categories.add(new String(chars, start, length));
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

        /** FNV-1a of the characters and the length; one key for every missing value. */
        private static long key(char[] chars, int start, int length) {
            if (length == TextBlock.MISSING) {
                return 0x5bd1e9955bd1e995L;
            }
            long h = 0xcbf29ce484222325L;
            for (int i = start, end = start + length; i < end; i++) {
                h = (h ^ chars[i]) * 0x100000001b3L;
            }
            return h ^ length;
        }

        /** Drops the categories no kept row uses any more (a sample replaces rows; their values would pile up). */
        private void compact() {
            int[] newCode = new int[categories.size()];
            Arrays.fill(newCode, CategoricalColumn.NULL_CODE);
            List<String> used = new ArrayList<>();
            TextDictionary usedIndex = new TextDictionary();
            for (int i = 0; i < size; i++) {
                int c = codes[i];
                if (c == CategoricalColumn.NULL_CODE) {
                    continue;
                }
                if (newCode[c] == CategoricalColumn.NULL_CODE) {
                    newCode[c] = used.size();
                    String value = categories.get(c);
                    usedIndex.add(ValueHash.of(value), value.toCharArray(), 0, value.length());
                    used.add(value);
                }
                codes[i] = newCode[c];
            }
            categories = used;
            index = usedIndex;
        }

        @Override
        public long key(int row) {
            return keys.get(row);
        }

        @Override
        public ColumnSchema schema() {
            return schema;
        }

        @Override
        public Column build(int rows) {
            return new CategoricalColumn(schema, Arrays.copyOf(codes, rows), categories);
        }
    }

    /**
     * A column whose type is inferred in the same pass (every row kept, slot = row). Its
     * {@link TypeInference.ColumnEvidence} counts the distinct values, each checked once, and the
     * rows are kept as their codes: whatever type is decided at the end, its values follow from the
     * distinct values (a category, a number, a datetime read once per distinct value). Past
     * {@link TypeInference#DISTINCT_CAP} distinct values a column can only be numeric or text: while
     * every value is a number it switches to the numbers and stops counting; else it keeps coding.
     */
    private static final class InferringBuilder implements ColumnBuilder {
        private final String name;
        private final TypeInference.ColumnEvidence evidence = new TypeInference.ColumnEvidence(true);
        /** Each row's code, {@link CategoricalColumn#NULL_CODE} when missing; null once the column holds numbers. */
        private int[] codes = new int[1024];
        /** Each row's number (NaN when missing), once codes were given up; null when a value was not a number. */
        private double[] numbers;
        private ColumnSchema decided;

        InferringBuilder(String name) {
            this.name = name;
        }

        @Override
        public void add(char[] chars, int start, int length, long line, int slot, int row) {
            boolean missing = length == TextBlock.MISSING;
            if (!missing) {
                evidence.accept(chars, start, length);
            }
            if (codes != null) {
                if (!missing && evidence.allDecimal && evidence.overflow()) {
                    switchToNumbers(slot);
                    return;
                }
                if (slot == codes.length) {
                    codes = Arrays.copyOf(codes, slot * 2);
                }
                codes[slot] = missing ? CategoricalColumn.NULL_CODE : evidence.lastCode();
            } else if (numbers != null) {
                double v = missing ? Double.NaN : NumberText.parse(chars, start, length);
                if (!missing && Double.isNaN(v)) {
                    numbers = null; // not numeric after all: build() asks for a second read
                    return;
                }
                if (slot == numbers.length) {
                    numbers = Arrays.copyOf(numbers, slot * 2);
                }
                numbers[slot] = v;
            }
        }

        /** The rows so far, and the value at {@code slot} just counted, as numbers; distinct values are no longer counted. */
        private void switchToNumbers(int slot) {
            TextDictionary distinct = evidence.distinct();
            double[] byCode = numbersByCode(distinct, NumberText::parse);
            numbers = new double[Math.max(1024, 2 * (slot + 1))];
            for (int i = 0; i < slot; i++) {
                numbers[i] = codes[i] == CategoricalColumn.NULL_CODE ? Double.NaN : byCode[codes[i]];
            }
            numbers[slot] = byCode[evidence.lastCode()];
            codes = null;
            evidence.stopCountingDistinct();
        }

        private static double[] numbersByCode(TextDictionary distinct, java.util.function.ToDoubleFunction<String> parse) {
            double[] byCode = new double[distinct.size()];
            for (int code = 0; code < byCode.length; code++) {
                byCode[code] = parse.applyAsDouble(distinct.value(code));
            }
            return byCode;
        }

        @Override
        public long key(int row) {
            throw new UnsupportedOperationException("a load with row keys knows its types first");
        }

        @Override
        public ColumnSchema schema() {
            if (decided == null) {
                decided = evidence.decide(name);
            }
            return decided;
        }

        @Override
        public Column build(int size) {
            ColumnSchema schema = schema();
            if (!schema.type().isNumeric()) {
                if (codes == null) {
                    return null;
                }
                TextDictionary distinct = evidence.distinct();
                List<String> categories = new ArrayList<>(distinct.size());
                for (int code = 0; code < distinct.size(); code++) {
                    categories.add(distinct.value(code));
                }
                return new CategoricalColumn(schema, Arrays.copyOf(codes, size), categories);
            }
            if (codes == null) {
                return numbers == null || schema.type() == ColumnType.DATETIME ? null
                        : new NumericColumn(schema, Arrays.copyOf(numbers, size));
            }
            double[] byCode;
            if (schema.type() == ColumnType.DATETIME) {
                DateTimeFormats.Parser parser = DateTimeFormats.parser(schema.format());
                byCode = numbersByCode(evidence.distinct(), parser::parse);
            } else {
                byCode = numbersByCode(evidence.distinct(), NumberText::parse);
            }
            double[] values = new double[size];
            for (int i = 0; i < size; i++) {
                values[i] = codes[i] == CategoricalColumn.NULL_CODE ? Double.NaN : byCode[codes[i]];
            }
            return new NumericColumn(schema, values);
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
