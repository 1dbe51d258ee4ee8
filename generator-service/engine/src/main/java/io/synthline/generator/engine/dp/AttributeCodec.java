package io.synthline.generator.engine.dp;

import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.ValueFormatter;
import io.synthline.generator.engine.privacy.domain.Binning;
import io.synthline.generator.engine.privacy.domain.ColumnDomain;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Maps one column's values to the model's codes 0 .. size-1 and back. Encoding is a function of
 * the row's own value only (so every count over codes keeps sensitivity 1); decoding turns a
 * code into a value text, drawing inside bins where a code stands for many values.
 */
public interface AttributeCodec {
    /** Code for rows whose value has no place in a non-nullable domain: such rows are left out. */
    int NOWHERE = -1;

    String name();

    int size();

    /** One code per row, or {@link #NOWHERE}. */
    int[] encode(Column column);

    /** The value text for a code (null for missing). */
    String decode(int code, SplittableRandom random);

    /** A finite value set; the last code is "missing" when nullable. Unknown values count as missing. */
    final class Categorical implements AttributeCodec {
        private final ColumnDomain.Categorical domain;
        private final Map<String, Integer> codes = new HashMap<>();

        public Categorical(ColumnDomain.Categorical domain) {
            this.domain = domain;
            List<String> categories = domain.categories();
            for (int i = 0; i < categories.size(); i++) {
                codes.put(categories.get(i), i);
            }
        }

        @Override
        public String name() {
            return domain.name();
        }

        @Override
        public int size() {
            return domain.categories().size() + (domain.nullable() ? 1 : 0);
        }

        private int missing() {
            return domain.nullable() ? domain.categories().size() : NOWHERE;
        }

        @Override
        public int[] encode(Column column) {
            CategoricalColumn c = (CategoricalColumn) column;
            int[] byColumnCode = new int[c.cardinality()];
            for (int i = 0; i < byColumnCode.length; i++) {
                byColumnCode[i] = codes.getOrDefault(c.categories().get(i), missing());
            }
            int[] out = new int[c.size()];
            int[] raw = c.codes();
            for (int r = 0; r < out.length; r++) {
                out[r] = raw[r] == CategoricalColumn.NULL_CODE ? missing() : byColumnCode[raw[r]];
            }
            return out;
        }

        @Override
        public String decode(int code, SplittableRandom random) {
            return code < domain.categories().size() ? domain.categories().get(code) : null;
        }
    }

    /** Numeric bins (values clamped into the domain); the last code is "missing" when nullable. */
    final class Numeric implements AttributeCodec {
        private final ColumnDomain.Numeric domain;
        private final Binning binning;
        private final ValueFormatter formatter;

        public Numeric(ColumnDomain.Numeric domain, Binning binning) {
            this.domain = domain;
            this.binning = binning;
            this.formatter = ValueFormatter.forSchema(domain.schema());
        }

        public Binning binning() {
            return binning;
        }

        @Override
        public String name() {
            return domain.name();
        }

        @Override
        public int size() {
            return binning.bins() + (domain.nullable() ? 1 : 0);
        }

        @Override
        public int[] encode(Column column) {
            double[] values = ((NumericColumn) column).values();
            int missing = domain.nullable() ? binning.bins() : NOWHERE;
            int[] out = new int[values.length];
            for (int r = 0; r < values.length; r++) {
                out[r] = Double.isNaN(values[r]) ? missing : binning.bin(values[r]);
            }
            return out;
        }

        @Override
        public String decode(int code, SplittableRandom random) {
            return code < binning.bins() ? formatter.format(binning.sample(code, random)) : null;
        }
    }

    /**
     * Several codes of an inner codec merged into one (MST's domain compression of values whose
     * noisy count is too small to tell apart from zero); decoding picks one of the merged codes in
     * proportion to its (clipped) noisy count.
     */
    final class Compressed implements AttributeCodec {
        private final AttributeCodec inner;
        private final int[] toCompressed;
        private final int[][] members;
        private final double[][] cumulativeWeights;

        /**
         * @param toCompressed inner code -> compressed code
         * @param weights      per inner code, a non-negative weight for decoding
         */
        public Compressed(AttributeCodec inner, int[] toCompressed, double[] weights) {
            this.inner = inner;
            this.toCompressed = toCompressed.clone();
            int size = 0;
            for (int c : toCompressed) {
                size = Math.max(size, c + 1);
            }
            int[] counts = new int[size];
            for (int c : toCompressed) {
                counts[c]++;
            }
            this.members = new int[size][];
            this.cumulativeWeights = new double[size][];
            for (int c = 0; c < size; c++) {
                members[c] = new int[counts[c]];
                cumulativeWeights[c] = new double[counts[c]];
            }
            int[] fill = new int[size];
            for (int i = 0; i < toCompressed.length; i++) {
                members[toCompressed[i]][fill[toCompressed[i]]++] = i;
            }
            for (int c = 0; c < size; c++) {
                double total = 0;
                for (int m : members[c]) {
                    total += Math.max(0, weights[m]);
                }
                double running = 0;
                for (int k = 0; k < members[c].length; k++) {
                    running += total > 0 ? Math.max(0, weights[members[c][k]]) : 1;
                    cumulativeWeights[c][k] = running;
                }
            }
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public int size() {
            return members.length;
        }

        @Override
        public int[] encode(Column column) {
            int[] codes = inner.encode(column);
            for (int r = 0; r < codes.length; r++) {
                if (codes[r] != NOWHERE) {
                    codes[r] = toCompressed[codes[r]];
                }
            }
            return codes;
        }

        @Override
        public String decode(int code, SplittableRandom random) {
            int[] m = members[code];
            if (m.length == 1) {
                return inner.decode(m[0], random);
            }
            double[] cumulative = cumulativeWeights[code];
            double u = random.nextDouble() * cumulative[cumulative.length - 1];
            int k = 0;
            while (k < m.length - 1 && cumulative[k] <= u) {
                k++;
            }
            return inner.decode(m[k], random);
        }
    }
}
