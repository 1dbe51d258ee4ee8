package io.synthline.generator.engine.pgm;

import java.util.Arrays;
import java.util.stream.IntStream;

/** Sets of attributes as sorted int arrays: the scope of factors, cliques and measurements. */
public final class Attributes {
    private Attributes() {
    }

    /** Sorted, without duplicates. */
    public static int[] of(int... attrs) {
        return IntStream.of(attrs).distinct().sorted().toArray();
    }

    public static int indexOf(int[] set, int attr) {
        return Arrays.binarySearch(set, attr);
    }

    public static boolean contains(int[] set, int attr) {
        return indexOf(set, attr) >= 0;
    }

    public static boolean isSubset(int[] small, int[] big) {
        for (int a : small) {
            if (!contains(big, a)) {
                return false;
            }
        }
        return true;
    }

    public static int[] union(int[] a, int[] b) {
        return IntStream.concat(IntStream.of(a), IntStream.of(b)).distinct().sorted().toArray();
    }

    public static int[] intersection(int[] a, int[] b) {
        return IntStream.of(a).filter(x -> contains(b, x)).toArray();
    }

    public static int[] minus(int[] a, int[] b) {
        return IntStream.of(a).filter(x -> !contains(b, x)).toArray();
    }
}
