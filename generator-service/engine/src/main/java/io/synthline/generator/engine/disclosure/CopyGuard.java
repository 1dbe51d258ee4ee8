package io.synthline.generator.engine.disclosure;

import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.commons.api.BadInputException;
import io.synthline.generator.engine.model.ModelDomain;
import io.synthline.generator.engine.pii.PiiColumn;
import io.synthline.generator.engine.random.Seeds;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What keeps real rows out of the output: keyed 64-bit hashes of every real row (training and
 * held-out) over the learned columns, so that a sampled row identical to a real one is
 * recognised and redrawn without keeping the rows. The hashes are HMAC-SHA256 under a random
 * 256-bit key of the guard's own, truncated to 64 bits, of the row's cells as the model produces
 * them (the output domain's codes).
 *
 * <p>A guard answers "was this row in the data?", so it is a membership oracle for whoever holds
 * it: it is never part of a model artifact (which may be shared) but a sidecar kept with the raw
 * data, under its access and deletion rules ({@code MODEL.synth.guard} beside a stored model in
 * the CLI, beside the fitted model in the tenant's store in the service). The key makes the
 * hashes useless to anyone holding a guard of another model, or one hash without its key. A
 * false match needs a 64-bit collision (about n*m/2^64 for n real and m synthetic rows) and
 * costs only a redraw.
 */
public final class CopyGuard {
    private static final byte[] MAGIC = "SYNTHGRD".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int FORMAT_VERSION = 1;
    private static final long EMPTY = 0;
    private static final long SEED = 0x6A09E667F3BCC909L;
    private static final int KEY_BYTES = 32;
    private final byte[] key;
    private final int[] columns;
    private final long[] table;
    private final int mask;
    private final int distinct;
    /** False for the guard of a model read without its sidecar: it cannot tell copies. */
    private final boolean present;
    /** Per replaced PII column (output index): sorted keyed hashes of its real identifying values. */
    private final Map<Integer, long[]> piiValues;

    private CopyGuard(byte[] key, int[] columns, long[] table, int distinct, boolean present) {
        this(key, columns, table, distinct, present, Map.of());
    }

    private CopyGuard(byte[] key, int[] columns, long[] table, int distinct, boolean present, Map<Integer, long[]> piiValues) {
        this.piiValues = piiValues;
        this.key = key;
        this.columns = columns;
        this.table = table;
        this.mask = table.length - 1;
        this.distinct = distinct;
        this.present = present;
    }

    /**
     * The rows of {@code training} and of {@code heldOut} (real rows kept out of the fit; may be
     * null), hashed as the model produces them: categories are translated by name to the codes of
     * {@code output} (where rare categories may be merged), and a row with a category the output
     * lacks is skipped, since the model cannot produce it.
     */
    public static CopyGuard of(Table training, Table heldOut, int[] columns, ModelDomain output) {
        return of(training, heldOut, columns, output, Map.of());
    }

    /**
     * As {@link #of(Table, Table, int[], ModelDomain)}, also recognising the real values of replaced
     * PII columns ({@code piiValues}: output column -> its real identifying values), which fake
     * values must never equal (compared {@link io.synthline.generator.engine.pii.PiiColumn#normalised normalised}).
     */
    public static CopyGuard of(Table training, Table heldOut, int[] columns, ModelDomain output,
            Map<Integer, ? extends Collection<String>> piiValues) {
        int n = training.rowCount();
        int extra = heldOut == null ? 0 : heldOut.rowCount();
        int capacity = Integer.highestOneBit(Math.max(16, (n + extra) * 2 - 1)) << 1;
        byte[] key = new byte[KEY_BYTES];
        new java.security.SecureRandom().nextBytes(key);
        CopyGuard g = new CopyGuard(key, columns.clone(), new long[capacity], 0, true);
        Mac mac = g.mac();
        int distinct = g.insertAll(rowHashes(training, output, columns), mac);
        if (extra > 0) {
            distinct += g.insertAll(rowHashes(heldOut, output, columns), mac);
        }
        Map<Integer, long[]> pii = new TreeMap<>();
        piiValues.forEach((column, values) -> pii.put(column,
                values.stream().mapToLong(v -> keyedText(mac, v)).sorted().distinct().toArray()));
        return new CopyGuard(key, g.columns, g.table, distinct, true, pii);
    }

    /**
     * A guard that recognises only the real values of replaced PII columns ({@code piiValues}: column
     * -> its real identifying values), not rows: what a relational model keeps beside its artifact,
     * whose fake values must never equal a real one, as the fitted model's in-memory check ensures.
     */
    public static CopyGuard ofValues(java.util.Map<Integer, ? extends java.util.Collection<String>> piiValues) {
        byte[] key = new byte[KEY_BYTES];
        new java.security.SecureRandom().nextBytes(key);
        CopyGuard g = new CopyGuard(key, new int[0], new long[16], 0, true);
        Mac mac = g.mac();
        java.util.Map<Integer, long[]> pii = new java.util.TreeMap<>();
        piiValues.forEach((column, values) -> pii.put(column,
                values.stream().mapToLong(v -> keyedText(mac, v)).sorted().distinct().toArray()));
        return new CopyGuard(key, g.columns, g.table, 0, true, pii);
    }

    private static long keyedText(Mac mac, String value) {
        byte[] out = mac.doFinal(PiiColumn.normalised(value)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.nio.ByteBuffer.wrap(out).getLong();
    }

    /**
     * Column by column over all rows (the same per-row fold as {@link #digest}): one type dispatch
     * per column, sequential reads. Categorical codes are those of {@code output}'s column;
     * a row whose category it lacks hashes to {@link #EMPTY} (never inserted). These are the
     * unkeyed digests (the guard keeps only keyed ones); public so that the artifact tests can
     * search stored models for them.
     */
    public static long[] rowHashes(Table rows, ModelDomain output, int[] columns) {
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
                    int[] translated = translation(cat, output.column(c).categories());
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

    /** {@code from}'s codes as indexes into {@code to}; {@link #UNKNOWN} for categories {@code to} lacks. */
    private static int[] translation(CategoricalColumn from, List<String> to) {
        int[] map = new int[from.cardinality()];
        Map<String, Integer> codes = new HashMap<>();
        for (int i = 0; i < to.size(); i++) {
            codes.put(to.get(i), i);
        }
        for (int i = 0; i < map.length; i++) {
            map[i] = codes.getOrDefault(from.categories().get(i), UNKNOWN);
        }
        return map;
    }

    private int insertAll(long[] digests, Mac mac) {
        int added = 0;
        for (long d : digests) {
            if (d != EMPTY && insert(keyed(mac, d))) {
                added++;
            }
        }
        return added;
    }

    /**
     * A guard that remembers nothing (and matches nothing): what differentially private models
     * have, since hashes of the real rows would escape the privacy accounting.
     */
    public static CopyGuard none() {
        return new CopyGuard(new byte[KEY_BYTES], new int[0], new long[16], 0, true);
    }

    /** The guard of a model read without its sidecar: copies of real rows cannot be recognised. */
    public static CopyGuard absent() {
        return new CopyGuard(new byte[KEY_BYTES], new int[0], new long[16], 0, false);
    }

    public boolean present() {
        return present;
    }

    /** Tells whether output rows and PII values are real ones; one per thread (it holds a MAC). */
    public Matcher matcher() {
        return new Matcher(mac());
    }

    /** Whether an output row (cells as in {@link ModelDomain}) or a fake PII value is a real one. */
    public final class Matcher {
        private final Mac mac;

        private Matcher(Mac mac) {
            this.mac = mac;
        }

        public boolean isCopy(double[] row) {
            return contains(keyed(mac, digest(row)));
        }

        /** Whether {@code value} is a real value of PII column {@code column}; always false for a column the guard has no values of. */
        public boolean isRealValue(int column, String value) {
            long[] hashes = piiValues.get(column);
            return hashes != null && value != null && Arrays.binarySearch(hashes, keyedText(mac, value)) >= 0;
        }

        /** {@link #isRealValue} of one column, or null when the guard has no values of it. */
        public Predicate<String> realValuesOf(int column) {
            return piiValues.containsKey(column) ? v -> isRealValue(column, v) : null;
        }
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /** The first 8 bytes of HMAC-SHA256(key, digest), never {@link #EMPTY}. */
    private static long keyed(Mac mac, long digest) {
        byte[] in = new byte[8];
        for (int i = 0; i < 8; i++) {
            in[i] = (byte) (digest >>> (56 - 8 * i));
        }
        byte[] out = mac.doFinal(in);
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (out[i] & 0xFF);
        }
        return h == EMPTY ? 1 : h;
    }

    /** Distinct training rows remembered. */
    public int size() {
        return distinct;
    }

    /** The unkeyed digest of an output row (cells as in {@link ModelDomain}) over the guarded columns; only ever hashed again with the key. */
    private long digest(double[] row) {
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

    private boolean contains(long h) {
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

    /** The sidecar's bytes: magic, format version, key, columns, distinct count and the hash table. */
    public void write(OutputStream target) throws IOException {
        if (!present) {
            throw new IllegalStateException("a guard read without its sidecar has nothing to write");
        }
        DataOutputStream out = new DataOutputStream(target);
        out.write(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.write(key);
        out.writeInt(columns.length);
        for (int c : columns) {
            out.writeInt(c);
        }
        out.writeInt(distinct);
        out.writeInt(table.length);
        for (long h : table) {
            out.writeLong(h);
        }
        out.writeInt(piiValues.size());
        for (var e : piiValues.entrySet()) {
            out.writeInt(e.getKey());
            out.writeInt(e.getValue().length);
            for (long h : e.getValue()) {
                out.writeLong(h);
            }
        }
        out.flush();
    }

    public static CopyGuard read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(source);
        if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC)) {
            throw new BadInputException("not-a-copy-guard", "the file is not a Synthline copy guard");
        }
        int format = in.readInt();
        if (format != FORMAT_VERSION) {
            throw new BadInputException("unsupported-copy-guard", "copy guard format " + format + " is not supported; fit the model again");
        }
        byte[] key = in.readNBytes(KEY_BYTES);
        int[] columns = new int[checked(in.readInt(), 1 << 16)];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = in.readInt();
        }
        int distinct = in.readInt();
        long[] table = new long[checked(in.readInt(), 1 << 30)];
        if (Integer.bitCount(table.length) != 1) {
            throw new IOException("corrupt copy guard: table size " + table.length);
        }
        for (int i = 0; i < table.length; i++) {
            table[i] = in.readLong();
        }
        Map<Integer, long[]> pii = new TreeMap<>();
        int piiColumns = checked(in.readInt(), 1 << 16);
        for (int i = 0; i < piiColumns; i++) {
            int column = in.readInt();
            long[] hashes = new long[checked(in.readInt(), 1 << 30)];
            for (int j = 0; j < hashes.length; j++) {
                hashes[j] = in.readLong();
            }
            pii.put(column, hashes);
        }
        return new CopyGuard(key, columns, table, distinct, true, pii);
    }

    private static int checked(int n, int max) throws IOException {
        if (n < 0 || n > max) {
            throw new IOException("corrupt copy guard: length " + n);
        }
        return n;
    }

    /** Whether this guard is for a model with these output columns (a guard of another model would miss every copy). */
    public boolean fits(ModelDomain output) {
        return Arrays.stream(columns).allMatch(c -> c >= 0 && c < output.size())
                && piiValues.keySet().stream().allMatch(c -> c >= 0 && c < output.size());
    }

    @Override
    public String toString() {
        return "CopyGuard[" + distinct + " rows over columns " + Arrays.toString(columns) + "]";
    }
}
