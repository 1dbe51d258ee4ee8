package io.synthline.generator.engine;

import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
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

    public static TrainingFingerprint of(Table training, int[] columns) {
        int n = training.rowCount();
        int capacity = Integer.highestOneBit(Math.max(16, n * 2 - 1)) << 1;
        long[] table = new long[capacity];
        TrainingFingerprint f = new TrainingFingerprint(columns.clone(), table, 0);
        double[] row = new double[training.columnCount()];
        int distinct = 0;
        for (int r = 0; r < n; r++) {
            for (int c : columns) {
                row[c] = cell(training.column(c), r);
            }
            if (f.insert(f.hash(row))) {
                distinct++;
            }
        }
        return new TrainingFingerprint(columns.clone(), table, distinct);
    }

    /**
     * A fingerprint that remembers nothing (and matches nothing): what differentially private
     * models carry, since hashes of the real rows would escape the privacy accounting.
     */
    public static TrainingFingerprint none() {
        return new TrainingFingerprint(new int[0], new long[16], 0);
    }

    private static double cell(Column column, int r) {
        return switch (column) {
            case NumericColumn n -> n.value(r);
            case CategoricalColumn c -> c.code(r) < 0 ? Double.NaN : c.code(r);
        };
    }

    /** Distinct training rows remembered. */
    public int size() {
        return distinct;
    }

    /** The hash of an output row (cells as in {@link Domain}) over the fingerprinted columns. */
    public long hash(double[] row) {
        long h = 0x6A09E667F3BCC909L;
        for (int c : columns) {
            double v = row[c];
            long bits = Double.isNaN(v) ? 0x7FF8000000000000L : Double.doubleToLongBits(v == 0 ? 0.0 : v);
            h = Seeds.mix(h ^ bits) + c;
        }
        return h == EMPTY ? 1 : h;
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
