package io.synthline.generator.engine.dp;

import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.generator.engine.model.ColumnDomain;
import io.synthline.generator.engine.artifact.ModelInput;
import io.synthline.generator.engine.artifact.ModelOutput;
import io.synthline.generator.engine.sampling.ColumnCondition;
import io.synthline.generator.engine.privacy.domain.Binning;
import io.synthline.generator.engine.privacy.domain.PublicDomain;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.io.IOException;
import java.util.random.RandomGenerator;

/**
 * Maps one column's values to the model's codes 0 .. size-1 and back. Encoding is a function of
 * the row's own value only (so every count over codes keeps sensitivity 1); decoding turns a
 * code into a cell, drawing inside bins where a code stands for many values, optionally under a
 * condition on the column (exact conditional sampling).
 */
public interface AttributeCodec {
    /** Code for rows whose value has no place in a non-nullable domain: such rows are left out. */
    int NOWHERE = -1;

    String name();

    int size();

    /** One code per row, or {@link #NOWHERE}. */
    int[] encode(Column column);

    /**
     * A cell for a code, as the generation pipeline's rows hold it: the category index for
     * categorical columns, the number for numeric ones (drawn inside the bin), NaN for missing.
     */
    double cell(int code, RandomGenerator random);

    /**
     * The probability that a cell drawn for {@code code} satisfies {@code condition}: the
     * weight exact conditional sampling gives the code.
     */
    double weight(int code, ColumnCondition condition);

    /** A cell for {@code code} that satisfies {@code condition} (whose {@link #weight} must be positive), drawn conditionally. */
    double cell(int code, RandomGenerator random, ColumnCondition condition);

    /** The generator's description of the values this codec produces. */
    ColumnDomain outputDomain();

    void write(ModelOutput out) throws IOException;

    static AttributeCodec read(ModelInput in) throws IOException {
        String kind = in.readString();
        return switch (kind) {
            case "categorical" -> {
                ColumnSchema schema = readSchema(in);
                List<String> categories = in.readStrings();
                yield new Categorical(new PublicDomain.Categorical(schema, categories, in.readBoolean()));
            }
            case "categorical-with-other" -> {
                ColumnSchema schema = readSchema(in);
                List<String> categories = in.readStrings();
                boolean nullable = in.readBoolean();
                yield new Categorical(new PublicDomain.Categorical(schema, categories, nullable, in.readString()));
            }
            case "numeric" -> {
                ColumnSchema schema = readSchema(in);
                double min = in.readDouble();
                double max = in.readDouble();
                boolean nullable = in.readBoolean();
                boolean integer = in.readBoolean();
                Binning binning = Binning.of(integer, min, max, in.readDoubles(), in.readDouble(), in.readDoubles(), in.readInts());
                yield new Numeric(new PublicDomain.Numeric(schema, min, max, nullable), binning);
            }
            case "compressed" -> {
                AttributeCodec inner = read(in);
                yield new Compressed(inner, in.readInts(), in.readDoubles());
            }
            default -> throw new IOException("corrupt model: unknown attribute codec '" + kind + "'");
        };
    }

    private static void writeSchema(ColumnSchema schema, ModelOutput out) throws IOException {
        out.writeString(schema.name());
        out.writeString(schema.type().name());
        out.writeString(schema.format());
    }

    private static ColumnSchema readSchema(ModelInput in) throws IOException {
        String name = in.readString();
        ColumnType type = ColumnType.valueOf(in.readString());
        return new ColumnSchema(name, type, in.readString());
    }

    /**
     * A finite value set; the last code is "missing" when nullable. Unknown values count as the
     * domain's other category, or as missing when it has none.
     */
    final class Categorical implements AttributeCodec {
        private final PublicDomain.Categorical domain;
        private final Map<String, Integer> codes = new HashMap<>();

        public Categorical(PublicDomain.Categorical domain) {
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

        private int unknown() {
            return domain.other() != null ? codes.get(domain.other()) : missing();
        }

        @Override
        public int[] encode(Column column) {
            CategoricalColumn c = (CategoricalColumn) column;
            int[] byColumnCode = new int[c.cardinality()];
            for (int i = 0; i < byColumnCode.length; i++) {
                byColumnCode[i] = codes.getOrDefault(c.categories().get(i), unknown());
            }
            int[] out = new int[c.size()];
            int[] raw = c.codes();
            for (int r = 0; r < out.length; r++) {
                out[r] = raw[r] == CategoricalColumn.NULL_CODE ? missing() : byColumnCode[raw[r]];
            }
            return out;
        }

        @Override
        public double cell(int code, RandomGenerator random) {
            return code < domain.categories().size() ? code : Double.NaN;
        }

        @Override
        public double weight(int code, ColumnCondition condition) {
            return condition.test(cell(code, null)) ? 1 : 0;
        }

        @Override
        public double cell(int code, RandomGenerator random, ColumnCondition condition) {
            return cell(code, random);
        }

        @Override
        public ColumnDomain outputDomain() {
            return ColumnDomain.categorical(domain.schema(), domain.categories());
        }

        @Override
        public void write(ModelOutput out) throws IOException {
            out.writeString(domain.other() == null ? "categorical" : "categorical-with-other");
            writeSchema(domain.schema(), out);
            out.writeStrings(domain.categories());
            out.writeBoolean(domain.nullable());
            if (domain.other() != null) {
                out.writeString(domain.other());
            }
        }
    }

    /** Numeric bins (values clamped into the domain); the last code is "missing" when nullable. */
    final class Numeric implements AttributeCodec {
        private final PublicDomain.Numeric domain;
        private final Binning binning;

        public Numeric(PublicDomain.Numeric domain, Binning binning) {
            this.domain = domain;
            this.binning = binning;
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
        public double cell(int code, RandomGenerator random) {
            return code < binning.bins() ? binning.sample(code, random) : Double.NaN;
        }

        @Override
        public double weight(int code, ColumnCondition condition) {
            if (code >= binning.bins()) {
                return condition.test(Double.NaN) ? 1 : 0;
            }
            return switch (condition) {
                case ColumnCondition.Between b -> binning.share(code, b.min(), b.max());
                case ColumnCondition.OneOf o -> {
                    double w = 0;
                    for (double v : o.cells()) {
                        if (!Double.isNaN(v)) {
                            w += binning.share(code, v, v);
                        }
                    }
                    yield Math.min(1, w);
                }
            };
        }

        @Override
        public double cell(int code, RandomGenerator random, ColumnCondition condition) {
            if (code >= binning.bins()) {
                return Double.NaN;
            }
            return switch (condition) {
                case ColumnCondition.Between b -> binning.sample(code, random, b.min(), b.max());
                case ColumnCondition.OneOf o -> {
                    // the listed values that fall in this bin, by their share of its mass
                    double[] values = o.cells();
                    double[] running = new double[values.length];
                    double sum = 0;
                    for (int i = 0; i < values.length; i++) {
                        sum += Double.isNaN(values[i]) ? 0 : binning.share(code, values[i], values[i]);
                        running[i] = sum;
                    }
                    double u = random.nextDouble() * sum;
                    int i = 0;
                    while (i < values.length - 1 && (running[i] <= u || Double.isNaN(values[i]))) {
                        i++;
                    }
                    yield values[i];
                }
            };
        }

        @Override
        public ColumnDomain outputDomain() {
            return ColumnDomain.numeric(domain.schema(), domain.min(), domain.max(), domain.integer() ? 1 : 0);
        }

        @Override
        public void write(ModelOutput out) throws IOException {
            out.writeString("numeric");
            writeSchema(domain.schema(), out);
            out.writeDouble(domain.min());
            out.writeDouble(domain.max());
            out.writeBoolean(domain.nullable());
            out.writeBoolean(binning.integer());
            out.writeDoubles(binning.leafStarts());
            out.writeDouble(binning.end());
            out.writeDoubles(binning.leafWeights());
            out.writeInts(binning.binFirstLeaves());
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
        private final double[] weights;

        /**
         * @param toCompressed inner code -> compressed code
         * @param weights      per inner code, a non-negative weight for decoding
         */
        public Compressed(AttributeCodec inner, int[] toCompressed, double[] weights) {
            this.inner = inner;
            this.toCompressed = toCompressed.clone();
            this.weights = weights.clone();
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
        public double cell(int code, RandomGenerator random) {
            int[] m = members[code];
            if (m.length == 1) {
                return inner.cell(m[0], random);
            }
            double[] cumulative = cumulativeWeights[code];
            double u = random.nextDouble() * cumulative[cumulative.length - 1];
            int k = 0;
            while (k < m.length - 1 && cumulative[k] <= u) {
                k++;
            }
            return inner.cell(m[k], random);
        }

        /** Decoding weight of member k of a compressed code. */
        private double memberWeight(int code, int k) {
            double[] cumulative = cumulativeWeights[code];
            return cumulative[k] - (k == 0 ? 0 : cumulative[k - 1]);
        }

        @Override
        public double weight(int code, ColumnCondition condition) {
            int[] m = members[code];
            double[] cumulative = cumulativeWeights[code];
            double total = cumulative[cumulative.length - 1];
            double w = 0;
            for (int k = 0; k < m.length; k++) {
                w += memberWeight(code, k) * inner.weight(m[k], condition);
            }
            return total > 0 ? Math.min(1, w / total) : 0;
        }

        @Override
        public double cell(int code, RandomGenerator random, ColumnCondition condition) {
            int[] m = members[code];
            double[] running = new double[m.length];
            double sum = 0;
            for (int k = 0; k < m.length; k++) {
                sum += memberWeight(code, k) * inner.weight(m[k], condition);
                running[k] = sum;
            }
            double u = random.nextDouble() * sum;
            int k = 0;
            while (k < m.length - 1 && running[k] <= u) {
                k++;
            }
            return inner.cell(m[k], random, condition);
        }

        @Override
        public ColumnDomain outputDomain() {
            return inner.outputDomain();
        }

        @Override
        public void write(ModelOutput out) throws IOException {
            out.writeString("compressed");
            inner.write(out);
            out.writeInts(toCompressed);
            out.writeDoubles(weights);
        }
    }
}
