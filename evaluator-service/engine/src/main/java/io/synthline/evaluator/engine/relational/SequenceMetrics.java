package io.synthline.evaluator.engine.relational;

import io.synthline.commons.evaluation.RelationalEvaluation.Autocorrelation;
import io.synthline.commons.evaluation.RelationalEvaluation.SequenceQuality;
import io.synthline.commons.relational.KeyIndex;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.relational.TableMetadata;
import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.evaluator.engine.data.SdType;
import io.synthline.evaluator.engine.fidelity.CorrelationSimilarity;
import io.synthline.evaluator.engine.fidelity.KsComplement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sequence metrics of the tables the metadata declares sequential. A sequence is the rows of one
 * entity (same entity key) ordered by the order column (missing last, ties in file order).
 * Lengths and inter-arrival steps are compared with KSComplement; numeric columns by their
 * autocorrelation at lags 1 to 3 (Pearson correlation of (x_t, x_t+lag) pooled over all
 * sequences); categorical columns by their transitions (1 - total variation distance between the
 * distributions of (value, next value) pairs, missing being a value).
 */
public final class SequenceMetrics {
    public static final int MAX_LAG = 3;

    private SequenceMetrics() {
    }

    public static List<SequenceQuality> compare(RelationalDataset real, RelationalDataset synthetic) {
        List<SequenceQuality> out = new ArrayList<>();
        for (TableMetadata t : real.metadata().tables()) {
            if (!t.isSequential()) {
                continue;
            }
            Sequences r = Sequences.of(real.table(t.name()), t);
            Sequences s = Sequences.of(synthetic.table(t.name()), t);
            Map<String, SdType> sdtypes = RelationalFrames.sdtypes(real.metadata(), t.name(), real.table(t.name()));
            List<Autocorrelation> autocorrelation = new ArrayList<>();
            Map<String, Double> transitions = new LinkedHashMap<>();
            for (Column c : real.table(t.name()).columns()) {
                SdType type = sdtypes.get(c.name());
                if (type == null || c.name().equals(t.sequence().orderColumn())) {
                    continue;
                }
                if (c instanceof NumericColumn && type.isContinuous()) {
                    for (int lag = 1; lag <= MAX_LAG; lag++) {
                        autocorrelation.add(new Autocorrelation(c.name(), lag, nullIfNaN(r.autocorrelation(c.name(), lag)),
                                nullIfNaN(s.autocorrelation(c.name(), lag))));
                    }
                } else if (c instanceof CategoricalColumn) {
                    transitions.put(c.name(), nullIfNaN(1 - totalVariation(r.transitions(c.name()), s.transitions(c.name()))));
                }
            }
            double[] rSteps = r.steps();
            double[] sSteps = s.steps();
            out.add(new SequenceQuality(t.name(), t.sequence().entityKey(), t.sequence().orderColumn(), r.count(), s.count(),
                    r.meanLength(), s.meanLength(), KsComplement.compute(r.lengths(), s.lengths()),
                    rSteps.length == 0 || sSteps.length == 0 ? null : KsComplement.compute(rSteps, sSteps), autocorrelation, transitions));
        }
        return out;
    }

    static double totalVariation(Map<String, Double> a, Map<String, Double> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Double.NaN;
        }
        java.util.Set<String> keys = new java.util.HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        double d = 0;
        for (String k : keys) {
            d += Math.abs(a.getOrDefault(k, 0.0) - b.getOrDefault(k, 0.0));
        }
        return d / 2;
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** A table's rows grouped into ordered sequences. */
    static final class Sequences {
        private final Table table;
        private final String order;
        final List<int[]> sequences;

        private Sequences(Table table, String order, List<int[]> sequences) {
            this.table = table;
            this.order = order;
            this.sequences = sequences;
        }

        static Sequences of(Table table, TableMetadata meta) {
            Column[] key = meta.sequence().entityKey().stream().map(table::column).toArray(Column[]::new);
            double[] order = ((NumericColumn) table.column(meta.sequence().orderColumn())).values();
            Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
            for (int r = 0; r < table.rowCount(); r++) {
                List<String> v = KeyIndex.value(key, r);
                if (v != null) {
                    groups.computeIfAbsent(v, k -> new ArrayList<>()).add(r);
                }
            }
            List<int[]> sequences = new ArrayList<>(groups.size());
            for (List<Integer> rows : groups.values()) {
                sequences.add(rows.stream().sorted((a, b) -> {
                    int c = Double.compare(Double.isNaN(order[a]) ? Double.POSITIVE_INFINITY : order[a],
                            Double.isNaN(order[b]) ? Double.POSITIVE_INFINITY : order[b]);
                    return c != 0 ? c : Integer.compare(a, b);
                }).mapToInt(Integer::intValue).toArray());
            }
            return new Sequences(table, meta.sequence().orderColumn(), sequences);
        }

        long count() {
            return sequences.size();
        }

        double[] lengths() {
            return sequences.stream().mapToDouble(s -> s.length).toArray();
        }

        double meanLength() {
            return sequences.isEmpty() ? 0 : (double) table.rowCount() / sequences.size();
        }

        double[] steps() {
            double[] v = ((NumericColumn) table.column(order)).values();
            List<Double> out = new ArrayList<>();
            for (int[] s : sequences) {
                for (int t = 1; t < s.length; t++) {
                    double d = v[s[t]] - v[s[t - 1]];
                    if (!Double.isNaN(d)) {
                        out.add(d);
                    }
                }
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }

        double autocorrelation(String column, int lag) {
            double[] v = ((NumericColumn) table.column(column)).values();
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int[] s : sequences) {
                for (int t = lag; t < s.length; t++) {
                    double a = v[s[t - lag]];
                    double b = v[s[t]];
                    if (!Double.isNaN(a) && !Double.isNaN(b)) {
                        x.add(a);
                        y.add(b);
                    }
                }
            }
            if (x.size() < 3) {
                return Double.NaN;
            }
            return CorrelationSimilarity.pearson(x.stream().mapToDouble(Double::doubleValue).toArray(),
                    y.stream().mapToDouble(Double::doubleValue).toArray());
        }

        Map<String, Double> transitions(String column) {
            Column c = table.column(column);
            Map<String, Double> counts = new HashMap<>();
            long n = 0;
            for (int[] s : sequences) {
                for (int t = 1; t < s.length; t++) {
                    counts.merge(c.text(s[t - 1]) + "\u001F" + c.text(s[t]), 1.0, Double::sum);
                    n++;
                }
            }
            long total = n;
            counts.replaceAll((k, v) -> v / total);
            return counts;
        }
    }
}
