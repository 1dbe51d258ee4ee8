package io.synthline.evaluator.engine.fairness;

import io.synthline.commons.evaluation.Fairness;
import io.synthline.evaluator.engine.data.EvalColumn;
import io.synthline.evaluator.engine.data.EvalData;
import io.synthline.evaluator.engine.data.Frame;
import io.synthline.evaluator.engine.ml.ModelKind;
import io.synthline.evaluator.engine.stats.SampleQuantiles;
import io.synthline.evaluator.engine.utility.MlUtility;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-group and intersectional rates of the favourable label value in real and synthetic data,
 * demographic parity difference (max - min rate), disparate impact ratio (min / max rate), and the
 * equalized-odds difference of models trained on real (TRTR) and on synthetic data (TSTR) on the
 * same real test rows. Continuous sensitive columns are cut at the real quartiles. Groups with fewer
 * than {@link #MIN_GROUP} real rows are listed but left out of the gaps, where their rates are
 * mostly noise.
 */
public final class FairnessEvaluation {
    public static final int MIN_GROUP = 30;
    public static final double TOLERANCE = 0.02;
    static final String DPD = Fairness.DEMOGRAPHIC_PARITY_DIFFERENCE;
    static final String DIR = Fairness.DISPARATE_IMPACT_RATIO;
    static final String INTERSECTION = " x ";

    private FairnessEvaluation() {
    }

    /**
     * @param favourable the label value counted as the favourable outcome; null for the less
     *                   frequent real value
     * @param utility    the ML utility run on the same label, for equalized odds; may be null
     */
    public static Fairness run(EvalData data, EvalColumn label, List<EvalColumn> sensitive, String favourable,
            MlUtility.Run utility) {
        int favourableCode = favourable != null ? label.categories().indexOf(favourable) : minorityCode(data.real(), label);
        String favourableValue = label.categories().get(favourableCode);
        List<Grouping> groupings = new ArrayList<>();
        for (EvalColumn s : sensitive) {
            groupings.add(Grouping.of(s, data.real()));
        }
        List<Fairness.GroupRate> groups = new ArrayList<>();
        List<Fairness.Gap> gaps = new ArrayList<>();
        List<Grouping> all = new ArrayList<>(groupings);
        if (groupings.size() >= 2) {
            all.add(Grouping.intersection(groupings));
        }
        for (Grouping g : all) {
            Map<String, long[]> counts = new LinkedHashMap<>(); // group -> {real n, real favourable, syn n, syn favourable}
            tally(g, data.real(), label, favourableCode, counts, 0);
            tally(g, data.synthetic(), label, favourableCode, counts, 2);
            double realMin = Double.POSITIVE_INFINITY;
            double realMax = Double.NEGATIVE_INFINITY;
            double synMin = Double.POSITIVE_INFINITY;
            double synMax = Double.NEGATIVE_INFINITY;
            for (Map.Entry<String, long[]> e : counts.entrySet()) {
                long[] c = e.getValue();
                Double realRate = c[0] == 0 ? null : (double) c[1] / c[0];
                Double synRate = c[2] == 0 ? null : (double) c[3] / c[2];
                groups.add(new Fairness.GroupRate(g.name, e.getKey(), c[0], c[2], realRate, synRate));
                if (c[0] >= MIN_GROUP && synRate != null) {
                    realMin = Math.min(realMin, realRate);
                    realMax = Math.max(realMax, realRate);
                    synMin = Math.min(synMin, synRate);
                    synMax = Math.max(synMax, synRate);
                }
            }
            if (realMax >= realMin) {
                double dpdReal = realMax - realMin;
                double dpdSyn = synMax - synMin;
                gaps.add(new Fairness.Gap(g.name, DPD, dpdReal, dpdSyn, effect(dpdSyn - dpdReal)));
                Double dirReal = realMax == 0 ? null : realMin / realMax;
                Double dirSyn = synMax == 0 ? null : synMin / synMax;
                gaps.add(new Fairness.Gap(g.name, DIR, dirReal, dirSyn,
                        dirReal == null || dirSyn == null ? null : effect(dirReal - dirSyn)));
            }
        }
        List<Fairness.EqualizedOdds> odds = new ArrayList<>();
        if (utility != null && utility.positive() >= 0) {
            int positive = utility.classes().indexOf(favourableValue);
            for (Grouping g : groupings) {
                String[] groupOf = g.labels(utility.test());
                for (ModelKind kind : ModelKind.values()) {
                    int[][] p = utility.predictions().get(kind);
                    double trtr = equalizedOddsDifference(utility.truth(), p[0], groupOf, positive);
                    double tstr = equalizedOddsDifference(utility.truth(), p[1], groupOf, positive);
                    odds.add(new Fairness.EqualizedOdds(g.name, kind.id(), nullIfNaN(trtr), nullIfNaN(tstr),
                            Double.isNaN(trtr) || Double.isNaN(tstr) ? null : effect(tstr - trtr)));
                }
            }
        }
        return new Fairness(label.name(), favourableValue, sensitive.stream().map(EvalColumn::name).toList(), TOLERANCE,
                groups, gaps, odds);
    }

    /** Positive: the synthetic side is less fair by more than the tolerance. */
    static String effect(double worsening) {
        if (worsening > TOLERANCE) {
            return "amplifies";
        }
        return worsening < -TOLERANCE ? "reduces" : "preserves";
    }

    /**
     * max(range of true-positive rates, range of false-positive rates) across groups with at least
     * {@link #MIN_GROUP} rows; NaN when fewer than two groups qualify.
     */
    public static double equalizedOddsDifference(int[] truth, int[] predicted, String[] group, int positive) {
        Map<String, long[]> c = new LinkedHashMap<>(); // tp, positives, fp, negatives, n
        for (int i = 0; i < truth.length; i++) {
            long[] x = c.computeIfAbsent(group[i], k -> new long[5]);
            boolean t = truth[i] == positive;
            boolean p = predicted[i] == positive;
            x[4]++;
            if (t) {
                x[1]++;
                x[0] += p ? 1 : 0;
            } else {
                x[3]++;
                x[2] += p ? 1 : 0;
            }
        }
        double tprMin = Double.POSITIVE_INFINITY;
        double tprMax = Double.NEGATIVE_INFINITY;
        double fprMin = Double.POSITIVE_INFINITY;
        double fprMax = Double.NEGATIVE_INFINITY;
        int qualifying = 0;
        for (long[] x : c.values()) {
            if (x[4] < MIN_GROUP || x[1] == 0 || x[3] == 0) {
                continue;
            }
            qualifying++;
            double tpr = (double) x[0] / x[1];
            double fpr = (double) x[2] / x[3];
            tprMin = Math.min(tprMin, tpr);
            tprMax = Math.max(tprMax, tpr);
            fprMin = Math.min(fprMin, fpr);
            fprMax = Math.max(fprMax, fpr);
        }
        return qualifying < 2 ? Double.NaN : Math.max(tprMax - tprMin, fprMax - fprMin);
    }

    private static void tally(Grouping g, Frame f, EvalColumn label, int favourable, Map<String, long[]> counts, int slot) {
        String[] groupOf = g.labels(f);
        int[] y = f.codes(label.index());
        for (int i = 0; i < f.rows(); i++) {
            if (y[i] < 0 || groupOf[i] == null) {
                continue;
            }
            long[] c = counts.computeIfAbsent(groupOf[i], k -> new long[4]);
            c[slot]++;
            c[slot + 1] += y[i] == favourable ? 1 : 0;
        }
    }

    private static int minorityCode(Frame real, EvalColumn label) {
        long[] counts = new long[label.cardinality()];
        for (int code : real.codes(label.index())) {
            if (code >= 0) {
                counts[code]++;
            }
        }
        int best = -1;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0 && (best < 0 || counts[k] < counts[best])) {
                best = k;
            }
        }
        return best < 0 ? 0 : best;
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** How rows map to groups of one sensitive column (or an intersection). Missing values have no group. */
    private record Grouping(String name, List<EvalColumn> columns, List<double[]> cuts) {
        static Grouping of(EvalColumn c, Frame real) {
            double[] cut = null;
            if (c.isContinuous()) {
                double[] s = SampleQuantiles.sortedFinite(real.values(c.index()));
                cut = new double[] {SampleQuantiles.quantile(s, 0.25), SampleQuantiles.quantile(s, 0.5), SampleQuantiles.quantile(s, 0.75)};
            }
            List<double[]> cuts = new ArrayList<>();
            cuts.add(cut);
            return new Grouping(c.name(), List.of(c), cuts);
        }

        static Grouping intersection(List<Grouping> parts) {
            List<EvalColumn> cols = new ArrayList<>();
            List<double[]> cuts = new ArrayList<>();
            for (Grouping g : parts) {
                cols.addAll(g.columns);
                cuts.addAll(g.cuts);
            }
            return new Grouping(String.join(INTERSECTION, cols.stream().map(EvalColumn::name).toList()), cols, cuts);
        }

        String[] labels(Frame f) {
            String[] out = new String[f.rows()];
            for (int i = 0; i < out.length; i++) {
                StringBuilder b = new StringBuilder();
                for (int k = 0; k < columns.size() && b != null; k++) {
                    String part = part(columns.get(k), cuts.get(k), f, i);
                    if (part == null) {
                        b = null;
                    } else {
                        b.append(k == 0 ? "" : INTERSECTION).append(part);
                    }
                }
                out[i] = b == null ? null : b.toString();
            }
            return out;
        }

        private static String part(EvalColumn c, double[] cut, Frame f, int row) {
            if (!c.isContinuous()) {
                int code = f.codes(c.index())[row];
                return code < 0 ? null : c.categories().get(code);
            }
            double x = f.values(c.index())[row];
            if (Double.isNaN(x)) {
                return null;
            }
            if (x < cut[0]) {
                return "< " + fmt(cut[0]);
            }
            if (x < cut[1]) {
                return "[" + fmt(cut[0]) + ", " + fmt(cut[1]) + ")";
            }
            if (x < cut[2]) {
                return "[" + fmt(cut[1]) + ", " + fmt(cut[2]) + ")";
            }
            return ">= " + fmt(cut[2]);
        }

        private static String fmt(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
        }
    }
}
