package io.synthline.evaluator.engine.privacy;

import io.synthline.commons.evaluation.EvaluationDocument.Rate;
import io.synthline.commons.evaluation.Privacy;
import io.synthline.evaluator.engine.data.EvalColumn;
import io.synthline.evaluator.engine.data.EvalData;
import io.synthline.evaluator.engine.data.Frame;
import io.synthline.evaluator.engine.data.Sampling;
import io.synthline.evaluator.engine.stats.Intervals;
import io.synthline.evaluator.engine.stats.SampleQuantiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Multivariate singling out in the Anonymeter manner: from random synthetic rows the attacker
 * builds predicates on {@code columnsPerQuery} random columns (equality for discrete columns, an
 * inequality towards the nearer tail for continuous ones) that match exactly one synthetic row,
 * and claims each singles out one real person. Success: the predicate matches exactly one training
 * row. Control: the same predicates on the holdout; the training rows are subsampled to the
 * holdout's size so that both have the same chance of a unique match. Baseline: predicates with
 * random values on the same columns.
 */
public final class SinglingOut {
    private static final int ATTEMPTS_PER_QUERY = 20;

    private SinglingOut() {
    }

    /** A conjunction of column predicates. */
    record Query(int[] columns, int[] ops, double[] values) {
        static final int EQ = 0;
        static final int GE = 1;
        static final int LE = 2;

        boolean matches(Frame f, int row) {
            for (int k = 0; k < columns.length; k++) {
                int c = columns[k];
                if (ops[k] == EQ) {
                    if (f.codes(c)[row] != (int) values[k]) {
                        return false;
                    }
                } else {
                    double x = f.values(c)[row];
                    if (Double.isNaN(x) || (ops[k] == GE ? x < values[k] : x > values[k])) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** Exactly one matching row? */
        boolean singlesOut(Frame f) {
            int n = 0;
            for (int i = 0; i < f.rows() && n < 2; i++) {
                if (matches(f, i)) {
                    n++;
                }
            }
            return n == 1;
        }

        String describe(List<EvalColumn> cols) {
            List<String> parts = new ArrayList<>();
            for (int k = 0; k < columns.length; k++) {
                EvalColumn c = cols.get(columns[k]);
                parts.add(ops[k] == EQ ? c.name() + " == " + (values[k] < 0 ? "<missing>" : c.categories().get((int) values[k]))
                        : c.name() + (ops[k] == GE ? " >= " : " <= ") + String.format(Locale.ROOT, "%.6g", values[k]));
            }
            return String.join(" and ", parts);
        }
    }

    public static Privacy.Risk run(EvalData data, int maxAttacks, int columnsPerQuery, SplittableRandom random) {
        Frame holdout = data.holdout().orElseThrow();
        Frame train = data.real().rows() > holdout.rows()
                ? data.real().select(Sampling.sample(data.real().rows(), holdout.rows(), random)) : data.real();
        Frame syn = data.synthetic();
        List<EvalColumn> cols = data.columns();
        int k = Math.min(columnsPerQuery, cols.size());
        double[] median = new double[cols.size()];
        double[] lo = new double[cols.size()];
        double[] hi = new double[cols.size()];
        for (EvalColumn c : cols) {
            if (c.isContinuous()) {
                double[] s = SampleQuantiles.sortedFinite(syn.values(c.index()));
                median[c.index()] = SampleQuantiles.quantile(s, 0.5);
                lo[c.index()] = s.length == 0 ? 0 : s[0];
                hi[c.index()] = s.length == 0 ? 0 : s[s.length - 1];
            }
        }
        List<Query> queries = new ArrayList<>();
        for (int attempt = 0; attempt < maxAttacks * ATTEMPTS_PER_QUERY && queries.size() < maxAttacks; attempt++) {
            int row = random.nextInt(syn.rows());
            int[] qc = Sampling.sample(cols.size(), k, random);
            int[] ops = new int[k];
            double[] values = new double[k];
            boolean usable = true;
            for (int j = 0; j < k; j++) {
                EvalColumn c = cols.get(qc[j]);
                if (c.isContinuous()) {
                    double x = syn.values(qc[j])[row];
                    usable &= !Double.isNaN(x);
                    ops[j] = x >= median[qc[j]] ? Query.GE : Query.LE;
                    values[j] = x;
                } else {
                    ops[j] = Query.EQ;
                    values[j] = syn.codes(qc[j])[row];
                }
            }
            Query q = new Query(qc, ops, values);
            if (usable && q.singlesOut(syn)) {
                queries.add(q);
            }
        }
        int n = queries.size();
        long main = 0;
        long control = 0;
        long baseline = 0;
        List<String> examples = new ArrayList<>();
        for (Query q : queries) {
            boolean hit = q.singlesOut(train);
            main += hit ? 1 : 0;
            control += q.singlesOut(holdout) ? 1 : 0;
            if (hit && examples.size() < 5) {
                examples.add(q.describe(cols));
            }
            double[] randomValues = new double[k];
            for (int j = 0; j < k; j++) {
                EvalColumn c = cols.get(q.columns()[j]);
                randomValues[j] = c.isContinuous() ? lo[c.index()] + random.nextDouble() * (hi[c.index()] - lo[c.index()])
                        : random.nextInt(Math.max(1, c.cardinality()));
            }
            baseline += new Query(q.columns(), q.ops(), randomValues).singlesOut(train) ? 1 : 0;
        }
        Rate mainRate = Intervals.wilson(main, n);
        Rate controlRate = Intervals.wilson(control, n);
        List<String> details = new ArrayList<>();
        details.add(n + " predicates on " + k + " columns that single out one synthetic row; training rows sampled to "
                + train.rows());
        examples.forEach(e -> details.add("singles out a training row: " + e));
        return new Privacy.Risk("singling out (multivariate)", n, mainRate, controlRate, Intervals.wilson(baseline, n),
                Intervals.residualRisk(mainRate, controlRate), details);
    }
}
