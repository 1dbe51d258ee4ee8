package io.synthline.generator.engine;

import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.artifact.ModelOutput;
import io.synthline.generator.engine.random.Seeds;
import java.io.IOException;
import java.util.Arrays;

/**
 * 64-bit hashes of the training rows over the learned columns, so that a sampled row identical
 * to a real one can be recognised (and redrawn) without keeping the rows themselves. A false
 * match needs a 64-bit collision (about n*m/2^64 for n training and m synthetic rows) and costs
 * only a redraw. Held in an open-addressing table: 8 bytes per training row, twice over.
 */
public final class TrainingFingerprint {
    private static final long EMPTY = 0;
    private static final long SEED = 0x6A09E667F3BCC909L;
    private final int[] columns;
    private final long[] table;
    private final int mask;
    private final int distinct;

    private TrainingFingerprint(int[] columns, long[] table, int distinct) {
        this.columns = columns;
        this.table = table;
        this.mask = table.length - 1;
        this.distinct = distinct;
    }

    /**
     * The rows of {@code training} and of {@code heldOut} (real rows kept out of the fit; may be
     * null). Cells are hashed as the model produces them: the held-out rows' categories are
     * translated to the training rows' codes (which number categories in the training rows'
     * first-seen order), and a held-out row with a category the training rows lack is skipped,
     * since the model cannot produce it.
     */
    public static TrainingFingerprint of(Table training, Table heldOut, int[] columns) {
        int n = training.rowCount();
        int extra = heldOut == null ? 0 : heldOut.rowCount();
        int capacity = Integer.highestOneBit(Math.max(16, (n + extra) * 2 - 1)) << 1;
        TrainingFingerprint f = new TrainingFingerprint(columns.clone(), new long[capacity], 0);
        int distinct = f.insertAll(rowHashes(training, training, columns));
        if (extra > 0) {
            distinct += f.insertAll(rowHashes(heldOut, training, columns));
        }
        return new TrainingFingerprint(f.columns, f.table, distinct);
    }

    /**
     * Column by column over all rows (the same per-row fold as {@link #hash}): one type dispatch
     * per column, sequential reads. Categorical codes are those of {@code codesOf}'s column;
     * a row whose category it lacks hashes to {@link #EMPTY} (never inserted).
     */
    private static long[] rowHashes(Table rows, Table codesOf, int[] columns) {
        int n = rows.rowCount();
        long[] hashes = new long[n];
        Arrays.fill(hashes, SEED);
        boolean[] unknown = new boolean[n];
        for (int c : columns) {
            switch (rows.column(c)) {
                case NumericColumn num -> {
                    double[] values = num.values();
                    for (int r = 0; r < n; r++) {
                        hashes[r] = Seeds.mix(hashes[r] ^ bits(values[r])) + c;
                    }
                }
                case CategoricalColumn cat -> {
                    int[] codes = cat.codes();
                    int[] translated = translation(cat, (CategoricalColumn) codesOf.column(c));
                    for (int r = 0; r < n; r++) {
                        int code = codes[r] < 0 ? -1 : translated[codes[r]];
                        if (code == UNKNOWN) {
                            unknown[r] = true;
                        }
                        hashes[r] = Seeds.mix(hashes[r] ^ bits(code < 0 ? Double.NaN : code)) + c;
                    }
                }
            }
        }
        for (int r = 0; r < n; r++) {
            hashes[r] = unknown[r] ? EMPTY : hashes[r] == EMPTY ? 1 : hashes[r];
        }
        return hashes;
    }

    private static final int UNKNOWN = -2;

    /** {@code from}'s codes as {@code to}'s codes; {@link #UNKNOWN} for categories {@code to} lacks. */
    private static int[] translation(CategoricalColumn from, CategoricalColumn to) {
        int[] map = new int[from.cardinality()];
        if (from == to) {
            for (int i = 0; i < map.length; i++) {
                map[i] = i;
            }
            return map;
        }
        java.util.Map<String, Integer> codes = new java.util.HashMap<>();
        for (int i = 0; i < to.cardinality(); i++) {
            codes.put(to.categories().get(i), i);
        }
        for (int i = 0; i < map.length; i++) {
            map[i] = codes.getOrDefault(from.categories().get(i), UNKNOWN);
        }
        return map;
    }

    private int insertAll(long[] hashes) {
        int added = 0;
        for (long h : hashes) {
            if (h != EMPTY && insert(h)) {
                added++;
            }
        }
        return added;
    }

    /**
     * A fingerprint that remembers nothing (and matches nothing): what differentially private
     * models carry, since hashes of the real rows would escape the privacy accounting.
     */
    public static TrainingFingerprint none() {
        return new TrainingFingerprint(new int[0], new long[16], 0);
    }

    /** Distinct training rows remembered. */
    public int size() {
        return distinct;
    }

    /** The hash of an output row (cells as in {@link Domain}) over the fingerprinted columns. */
    public long hash(double[] row) {
        long h = SEED;
        for (int c : columns) {
            h = Seeds.mix(h ^ bits(row[c])) + c;
        }
        return h == EMPTY ? 1 : h;
    }

    /** One bit pattern per value: every NaN alike, -0.0 as 0.0. */
    private static long bits(double v) {
        return Double.isNaN(v) ? 0x7FF8000000000000L : Double.doubleToLongBits(v == 0 ? 0.0 : v);
    }

    public boolean contains(double[] row) {
        long h = hash(row);
        int i = (int) Seeds.mix(h) & mask;
        while (true) {
            long v = table[i];
            if (v == h) {
                return true;
            }
            if (v == EMPTY) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    private boolean insert(long h) {
        int i = (int) Seeds.mix(h) & mask;
        while (true) {
            long v = table[i];
            if (v == h) {
                return false;
            }
            if (v == EMPTY) {
                table[i] = h;
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    public void write(ModelOutput out) throws IOException {
        out.writeInts(columns);
        out.writeInt(distinct);
        out.writeLongs(table);
    }

    public static TrainingFingerprint read(ModelInput in) throws IOException {
        int[] columns = in.readInts();
        int distinct = in.readInt();
        long[] table = in.readLongs();
        if (Integer.bitCount(table.length) != 1) {
            throw new IOException("corrupt model: fingerprint table size " + table.length);
        }
        return new TrainingFingerprint(columns, table, distinct);
    }

    @Override
    public String toString() {
        return "TrainingFingerprint[" + distinct + " rows over columns " + Arrays.toString(columns) + "]";
    }
}
