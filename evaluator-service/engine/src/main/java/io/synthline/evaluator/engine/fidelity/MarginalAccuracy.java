package io.synthline.evaluator.engine.fidelity;

import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.evaluation.Accuracy;
import io.synthline.evaluator.engine.data.EvalColumn;
import io.synthline.evaluator.engine.data.EvalData;
import io.synthline.evaluator.engine.data.Frame;
import io.synthline.evaluator.engine.data.Sampling;
import io.synthline.evaluator.engine.stats.SampleQuantiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Locale;

/**
 * MOSTLY AI-style accuracy: every column is discretised into at most {@value #BINS} bins of the
 * real data (continuous: the real deciles as cut points; discrete: the {@value #BINS} most frequent
 * real categories, the rest pooled), missing values in a bin of their own; accuracy of a marginal
 * is 1 - total variation distance between the real and synthetic joint bin frequencies. Reported
 * per order (mean over all columns, all pairs, and up to {@value #MAX_TRIPLES} seeded random
 * triples) and overall (mean of the three orders). Marginals are scored on the given
 * {@link Parallel}; the result does not depend on its thread count.
 */
public final class MarginalAccuracy {
    public static final int BINS = 10;
    public static final int MAX_TRIPLES = 100;

    private MarginalAccuracy() {
    }

    public static Accuracy compute(EvalData data, long seed, Parallel parallel) {
        List<EvalColumn> cols = data.columns();
        int d = cols.size();
        int[][] realBins = new int[d][];
        int[][] synBins = new int[d][];
        int[] width = new int[d];
        Binning[] binnings = new Binning[d];
        for (EvalColumn c : cols) {
            Binning b = Binning.of(c, data.real());
            binnings[c.index()] = b;
            realBins[c.index()] = b.apply(data.real());
            synBins[c.index()] = b.apply(data.synthetic());
            width[c.index()] = b.bins();
        }
        List<Accuracy.Marginal> uni = new ArrayList<>();
        for (EvalColumn c : cols) {
            uni.add(new Accuracy.Marginal(List.of(c.name()), accuracy(new int[][] {realBins[c.index()]},
                    new int[][] {synBins[c.index()]}, new int[] {width[c.index()]})));
        }
        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < d; a++) {
            for (int b = a + 1; b < d; b++) {
                pairs.add(new int[] {a, b});
            }
        }
        List<Accuracy.Marginal> bi = parallel.map(pairs, pairs.size(), p -> marginal(cols, p, realBins, synBins, width));
        List<int[]> triples = new ArrayList<>();
        for (int a = 0; a < d; a++) {
            for (int b = a + 1; b < d; b++) {
                for (int c = b + 1; c < d; c++) {
                    triples.add(new int[] {a, b, c});
                }
            }
        }
        int totalTriples = triples.size();
        if (triples.size() > MAX_TRIPLES) {
            int[] pick = Sampling.sample(triples.size(), MAX_TRIPLES, new SplittableRandom(seed));
            Arrays.sort(pick);
            List<int[]> sampled = new ArrayList<>();
            for (int i : pick) {
                sampled.add(triples.get(i));
            }
            triples = sampled;
        }
        List<Accuracy.Marginal> tri = parallel.map(triples, triples.size(), t -> marginal(cols, t, realBins, synBins, width));
        Double u = mean(uni);
        Double b = mean(bi);
        Double t = mean(tri);
        List<Double> orders = new ArrayList<>();
        for (Double x : new Double[] {u, b, t}) {
            if (x != null) {
                orders.add(x);
            }
        }
        Double overall = orders.isEmpty() ? null : orders.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        List<Accuracy.ColumnBins> distributions = new ArrayList<>();
        for (EvalColumn c : cols) {
            // the charts' bins: the accuracy bins, except that a spike (capital-gain's zeros) gets its own bin and the rest
            // is split by its own quantiles, instead of one ">= 0" bar holding every row
            Binning shown = Binning.forDisplay(c, data.real());
            distributions.add(shown == null ? binnings[c.index()].frequencies(realBins[c.index()], synBins[c.index()])
                    : shown.frequencies(shown.apply(data.real()), shown.apply(data.synthetic())));
        }
        return new Accuracy(overall, u, b, t, BINS, triples.size(), totalTriples, uni, bi, distributions,
                correlations(data, realBins, synBins, width, parallel));
    }

    static final String CORRELATION_MEASURE = "Pearson's r for two continuous columns, else Cramér's V of the binned columns";

    private static Accuracy.Correlations correlations(EvalData data, int[][] realBins, int[][] synBins, int[] width,
            Parallel parallel) {
        List<EvalColumn> cols = data.columns();
        int d = cols.size();
        Double[][] real = new Double[d][d];
        Double[][] syn = new Double[d][d];
        parallel.forEach(d, a -> {
            real[a][a] = 1.0;
            syn[a][a] = 1.0;
            for (int b = a + 1; b < d; b++) {
                double r;
                double s;
                if (cols.get(a).isContinuous() && cols.get(b).isContinuous()) {
                    r = CorrelationSimilarity.pearson(data.real().values(a), data.real().values(b));
                    s = CorrelationSimilarity.pearson(data.synthetic().values(a), data.synthetic().values(b));
                } else {
                    r = ContingencySimilarity.cramersV(realBins[a], realBins[b], width[a], width[b]);
                    s = ContingencySimilarity.cramersV(synBins[a], synBins[b], width[a], width[b]);
                }
                real[a][b] = real[b][a] = Double.isNaN(r) ? null : r;
                syn[a][b] = syn[b][a] = Double.isNaN(s) ? null : s;
            }
        });
        return new Accuracy.Correlations(CORRELATION_MEASURE, cols.stream().map(EvalColumn::name).toList(),
                Arrays.stream(real).map(row -> Arrays.asList(row)).toList(),
                Arrays.stream(syn).map(row -> Arrays.asList(row)).toList());
    }

    private static Accuracy.Marginal marginal(List<EvalColumn> cols, int[] which, int[][] realBins, int[][] synBins, int[] width) {
        int[][] r = new int[which.length][];
        int[][] s = new int[which.length][];
        int[] w = new int[which.length];
        List<String> names = new ArrayList<>();
        for (int k = 0; k < which.length; k++) {
            r[k] = realBins[which[k]];
            s[k] = synBins[which[k]];
            w[k] = width[which[k]];
            names.add(cols.get(which[k]).name());
        }
        return new Accuracy.Marginal(names, accuracy(r, s, w));
    }

    /** 1 - TVD of the joint bin frequencies of the given columns. */
    static double accuracy(int[][] real, int[][] syn, int[] width) {
        Map<Long, double[]> cells = new HashMap<>();
        count(real, width, cells, 0);
        count(syn, width, cells, 1);
        double nr = real[0].length;
        double ns = syn[0].length;
        double tv = 0;
        for (double[] c : cells.values()) {
            tv += Math.abs(c[0] / nr - c[1] / ns);
        }
        return 1 - tv / 2;
    }

    private static void count(int[][] bins, int[] width, Map<Long, double[]> cells, int slot) {
        int n = bins[0].length;
        for (int i = 0; i < n; i++) {
            long key = 0;
            for (int k = 0; k < bins.length; k++) {
                key = key * width[k] + bins[k][i];
            }
            cells.computeIfAbsent(key, x -> new double[2])[slot]++;
        }
    }

    private static Double mean(List<Accuracy.Marginal> m) {
        return m.isEmpty() ? null : m.stream().mapToDouble(Accuracy.Marginal::accuracy).average().orElseThrow();
    }

    /** Real-data bins of one column; the last bin is for missing values. */
    record Binning(EvalColumn column, double[] cuts, int[] binOfCode, int bins) {
        static Binning of(EvalColumn c, Frame real) {
            if (c.isContinuous()) {
                double[] s = SampleQuantiles.sortedFinite(real.values(c.index()));
                double[] cuts = new double[BINS - 1];
                int n = 0;
                for (int k = 1; k < BINS; k++) {
                    double q = SampleQuantiles.quantile(s, k / (double) BINS);
                    if (s.length > 0 && (n == 0 || q > cuts[n - 1])) {
                        cuts[n++] = q;
                    }
                }
                return new Binning(c, Arrays.copyOf(cuts, n), null, n + 2);
            }
            long[] counts = new long[c.cardinality()];
            for (int code : real.codes(c.index())) {
                if (code >= 0) {
                    counts[code]++;
                }
            }
            Integer[] byFrequency = new Integer[counts.length];
            for (int k = 0; k < counts.length; k++) {
                byFrequency[k] = k;
            }
            Arrays.sort(byFrequency, (a, b) -> Long.compare(counts[b], counts[a]));
            int[] binOf = new int[counts.length];
            Arrays.fill(binOf, BINS); // the pooled rest
            int kept = 0;
            for (int k = 0; k < byFrequency.length && kept < BINS; k++) {
                if (counts[byFrequency[k]] > 0) {
                    binOf[byFrequency[k]] = kept++;
                }
            }
            return new Binning(c, null, binOf, BINS + 2);
        }

        /**
         * Bins for a continuous column's chart when its quantile cuts collapse on a value holding at
         * least one bin's share of the rows: that value becomes a bin of its own ([v, nextUp(v))) and
         * the other values are cut at their own quantiles. Null when the accuracy bins show the
         * distribution well (no such value).
         */
        static Binning forDisplay(EvalColumn c, Frame real) {
            if (!c.isContinuous()) {
                return null;
            }
            double[] s = SampleQuantiles.sortedFinite(real.values(c.index()));
            if (s.length == 0) {
                return null;
            }
            java.util.TreeSet<Double> cuts = new java.util.TreeSet<>();
            List<Double> rest = new ArrayList<>();
            int i = 0;
            while (i < s.length) {
                int j = i;
                while (j < s.length && s[j] == s[i]) {
                    j++;
                }
                if ((j - i) * (double) BINS >= s.length) {
                    cuts.add(s[i]);
                    cuts.add(Math.nextUp(s[i]));
                } else {
                    for (int k = i; k < j; k++) {
                        rest.add(s[k]);
                    }
                }
                i = j;
            }
            if (cuts.isEmpty()) {
                return null;
            }
            double[] others = rest.stream().mapToDouble(Double::doubleValue).toArray();
            int spikes = cuts.size() / 2;
            int levels = Math.max(2, BINS - 2 * spikes);
            for (int k = 1; others.length > 0 && k < levels; k++) {
                cuts.add(SampleQuantiles.quantile(others, k / (double) levels));
            }
            double[] c2 = cuts.stream().mapToDouble(Double::doubleValue).toArray();
            return new Binning(c, c2, null, c2.length + 2);
        }

        Accuracy.ColumnBins frequencies(int[] real, int[] syn) {
            long[] r = new long[bins];
            long[] s = new long[bins];
            for (int x : real) {
                r[x]++;
            }
            for (int x : syn) {
                s[x]++;
            }
            List<String> labels = new ArrayList<>();
            List<Double> rf = new ArrayList<>();
            List<Double> sf = new ArrayList<>();
            for (int k = 0; k < bins; k++) {
                if (r[k] + s[k] > 0) {
                    labels.add(label(k));
                    rf.add((double) r[k] / real.length);
                    sf.add((double) s[k] / syn.length);
                }
            }
            return new Accuracy.ColumnBins(column.name(), labels, rf, sf);
        }

        private String label(int k) {
            if (k == bins - 1) {
                return "(missing)";
            }
            if (cuts == null) {
                if (k == BINS) {
                    return "(other)";
                }
                for (int code = 0; code < binOfCode.length; code++) {
                    if (binOfCode[code] == k) {
                        return column.categories().get(code);
                    }
                }
                return "?";
            }
            if (cuts.length == 0) {
                return "all";
            }
            if (k == 0) {
                return "< " + fmt(cuts[0]);
            }
            if (k < cuts.length && cuts[k] == Math.nextUp(cuts[k - 1])) {
                return fmt(cuts[k - 1]); // a spike's own bin: exactly this value
            }
            if (k == cuts.length) {
                return (cuts.length > 1 && cuts[k - 1] == Math.nextUp(cuts[k - 2]) ? "> " + fmt(cuts[k - 2]) : ">= " + fmt(cuts[k - 1]));
            }
            boolean afterSpike = k >= 2 && cuts[k - 1] == Math.nextUp(cuts[k - 2]);
            return (afterSpike ? "(" + fmt(cuts[k - 2]) : "[" + fmt(cuts[k - 1])) + ", " + fmt(cuts[k]) + ")";
        }

        private String fmt(double v) {
            double x = column.type() == io.synthline.evaluator.engine.data.SdType.DATETIME ? v / 1e6 : v;
            if (column.type() == io.synthline.evaluator.engine.data.SdType.DATETIME) {
                return java.time.Instant.ofEpochMilli(Math.round(x)).toString().replace("T00:00:00Z", "");
            }
            return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : String.format(Locale.ROOT, "%.4g", x);
        }

        int[] apply(Frame f) {
            int[] out = new int[f.rows()];
            int missing = bins - 1;
            if (cuts != null) {
                double[] v = f.values(column.index());
                for (int i = 0; i < out.length; i++) {
                    if (Double.isNaN(v[i])) {
                        out[i] = missing;
                    } else {
                        int k = Arrays.binarySearch(cuts, v[i]);
                        out[i] = k >= 0 ? k + 1 : -k - 1; // a value equal to a cut point goes above it
                    }
                }
            } else {
                int[] codes = f.codes(column.index());
                for (int i = 0; i < out.length; i++) {
                    out[i] = codes[i] < 0 ? missing : binOfCode[codes[i]];
                }
            }
            return out;
        }
    }
}
