package io.synthline.profiler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthline.commons.profile.ColumnProfile;
import io.synthline.commons.profile.Histogram;
import io.synthline.commons.profile.Quantiles;
import java.util.Arrays;

/** Checks a column's quantiles and histogram against the true values, within the KLL bound the profile reports. */
final class QuantileBounds {
    private QuantileBounds() {
    }

    static void assertWithinKllBound(ColumnProfile column, double[] values) {
        assertWithinKllBound(column.name(), column.numeric().quantiles(), column.numeric().histogram(), values);
    }

    static void assertWithinKllBound(String name, Quantiles q, Histogram h, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double eps = q.exact() ? 0 : q.rankError();
        assertThat(eps).isLessThan(0.02);
        for (Quantiles.Point p : q.points()) {
            // the value's true rank range [fraction below, fraction at or below] must come within eps of p
            double below = lowerBound(sorted, p.value()) / (double) n;
            double atOrBelow = lowerBound(sorted, Math.nextUp(p.value())) / (double) n;
            assertThat(p.probability()).as("%s q%s=%s", name, p.probability(), p.value())
                    .isBetween(below - eps - 1.0 / n, atOrBelow + eps);
        }
        assertThat(h.counts().stream().mapToLong(Long::longValue).sum()).isEqualTo(n);
        for (int i = 0; i < h.counts().size(); i++) {
            double lo = h.edges().get(i);
            double hi = h.edges().get(i + 1);
            boolean last = i == h.counts().size() - 1;
            long exact = Arrays.stream(sorted).filter(v -> v >= lo && (last ? v <= hi : v < hi)).count();
            assertThat((double) h.counts().get(i)).as("%s bin %d", name, i).isCloseTo(exact, within(2 * eps * n + 1));
        }
    }

    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
