package io.synthline.evaluator.engine.stats;

/** Binary searches in ascending double arrays. */
public final class SortedArrays {
    private SortedArrays() {
    }

    /** Number of elements strictly below {@code key}. */
    public static int lowerBound(double[] a, double key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Number of elements at or below {@code key} (numpy's {@code searchsorted(a, key, side='right')}). */
    public static int upperBound(double[] a, double key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
