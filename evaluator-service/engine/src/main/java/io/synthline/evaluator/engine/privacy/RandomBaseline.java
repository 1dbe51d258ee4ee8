package io.synthline.evaluator.engine.privacy;

import io.synthline.evaluator.engine.data.EvalColumn;
import io.synthline.evaluator.engine.data.Frame;
import io.synthline.evaluator.engine.data.FrameBuilder;
import java.util.List;
import java.util.SplittableRandom;

/** SDMetrics' random data for DCRBaselineProtection, per column independently. */
final class RandomBaseline {
    private RandomBaseline() {
    }

    static Frame generate(List<EvalColumn> columns, Frame real, int rows, SplittableRandom random) {
        FrameBuilder out = new FrameBuilder(columns.size(), rows);
        for (int c = 0; c < columns.size(); c++) {
            EvalColumn col = columns.get(c);
            int missing = 0;
            if (col.isContinuous()) {
                double[] v = real.values(c);
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                boolean integral = true;
                for (double x : v) {
                    if (Double.isNaN(x)) {
                        missing++;
                        continue;
                    }
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                    integral &= x == Math.rint(x);
                }
                double missingShare = (double) missing / v.length;
                // pandas reads a column with missing values as float, so SDMetrics draws reals for it
                boolean integers = integral && missing == 0 && col.type() != io.synthline.evaluator.engine.data.SdType.DATETIME;
                double[] o = new double[rows];
                for (int i = 0; i < rows; i++) {
                    if (lo > hi) {
                        o[i] = Double.NaN;
                    } else if (integers) {
                        o[i] = lo + random.nextLong((long) (hi - lo) + 1);
                    } else {
                        o[i] = hi > lo ? random.nextDouble(lo, hi) : lo;
                    }
                }
                for (int i = 0; i < rows; i++) {
                    if (random.nextDouble() < missingShare) {
                        o[i] = Double.NaN;
                    }
                }
                out.values(c, o);
            } else {
                int[] codes = real.codes(c);
                boolean[] present = new boolean[col.cardinality()];
                for (int code : codes) {
                    if (code < 0) {
                        missing++;
                    } else {
                        present[code] = true;
                    }
                }
                int[] distinct = new int[col.cardinality()];
                int k = 0;
                for (int code = 0; code < present.length; code++) {
                    if (present[code]) {
                        distinct[k++] = code;
                    }
                }
                double missingShare = (double) missing / codes.length;
                int[] o = new int[rows];
                for (int i = 0; i < rows; i++) {
                    o[i] = k == 0 ? Frame.MISSING : distinct[random.nextInt(k)];
                }
                for (int i = 0; i < rows; i++) {
                    if (random.nextDouble() < missingShare) {
                        o[i] = Frame.MISSING;
                    }
                }
                out.codes(c, o);
            }
        }
        return out.build();
    }
}
