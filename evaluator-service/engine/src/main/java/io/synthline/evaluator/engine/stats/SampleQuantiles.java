package io.synthline.evaluator.engine.stats;

import io.synthline.commons.evaluation.Privacy.Distribution;
import io.synthline.commons.evaluation.Privacy.Histogram;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Quantiles of a sample with numpy's default (linear) interpolation, which is also pandas' median. */
public final class SampleQuantiles {
    private SampleQuantiles() {
    }

    /** @param sorted ascending, no NaN */
    public static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = pos - lo;
        return frac == 0 ? sorted[lo] : sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
    }

    public static double median(double[] values) {
        return quantile(sortedFinite(values), 0.5);
    }

    public static double[] sortedFinite(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    }

    /** Summary and a histogram of {@code bins} equal-width bins over [lowest, highest] of the values (NaN ignored). */
    public static Distribution distribution(double[] values, double lowest, double highest, int bins) {
        double[] s = sortedFinite(values);
        if (s.length == 0) {
            return new Distribution(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, new Histogram(List.of(), List.of()));
        }
        double hi = Math.max(highest, s[s.length - 1]);
        double lo = Math.min(lowest, s[0]);
        if (hi == lo) {
            hi = lo + 1;
        }
        List<Double> edges = new ArrayList<>(bins + 1);
        for (int i = 0; i <= bins; i++) {
            edges.add(lo + (hi - lo) * i / bins);
        }
        long[] counts = new long[bins];
        double sum = 0;
        for (double v : s) {
            int b = (int) Math.floor((v - lo) / (hi - lo) * bins);
            counts[Math.min(Math.max(b, 0), bins - 1)]++;
            sum += v;
        }
        return new Distribution(s.length, s[0], quantile(s, 0.05), quantile(s, 0.25), quantile(s, 0.5), sum / s.length,
                quantile(s, 0.75), quantile(s, 0.95), s[s.length - 1],
                new Histogram(edges, Arrays.stream(counts).boxed().toList()));
    }
}
