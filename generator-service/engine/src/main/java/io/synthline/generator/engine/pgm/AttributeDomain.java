package io.synthline.generator.engine.pgm;

import java.util.Arrays;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * The discrete attributes a graphical model ranges over: attribute i takes values 0 .. size(i)-1.
 * Also caches the index maps between a factor's cells and a sub-factor's cells, which every
 * marginalisation and broadcast needs and which repeat thousands of times during estimation.
 */
public final class AttributeDomain {
    /** Cached index maps hold at most this many entries in total (4 bytes each); least recently used go first. */
    private static final long CACHE_ENTRIES = 1L << 25;

    private final int[] sizes;
    private final Map<Pair, int[]> indexMaps = new LinkedHashMap<>(64, 0.75f, true);
    private long cachedEntries;

    public AttributeDomain(int[] sizes) {
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("every attribute needs at least one value");
            }
        }
        this.sizes = sizes.clone();
    }

    public int attributes() {
        return sizes.length;
    }

    public int size(int attribute) {
        return sizes[attribute];
    }

    /** Cells of the joint over {@code attrs}; saturates at Long.MAX_VALUE. */
    public long cells(int[] attrs) {
        long n = 1;
        for (int a : attrs) {
            n = n > Long.MAX_VALUE / sizes[a] ? Long.MAX_VALUE : n * sizes[a];
        }
        return n;
    }

    int[] shape(int[] attrs) {
        int[] shape = new int[attrs.length];
        for (int i = 0; i < attrs.length; i++) {
            shape[i] = sizes[attrs[i]];
        }
        return shape;
    }

    /**
     * For each cell of the factor over {@code big} (row-major, last attribute fastest), the index
     * of the cell of the factor over {@code small} (a subset of big) it falls into.
     */
    int[] indexMap(int[] big, int[] small) {
        Pair key = new Pair(big, small);
        synchronized (indexMaps) {
            int[] cached = indexMaps.get(key);
            if (cached != null) {
                return cached;
            }
        }
        int[] map = computeIndexMap(big, small);
        synchronized (indexMaps) {
            if (indexMaps.putIfAbsent(key, map) == null) {
                cachedEntries += map.length;
                var eldest = indexMaps.entrySet().iterator();
                while (cachedEntries > CACHE_ENTRIES && eldest.hasNext()) {
                    var e = eldest.next();
                    if (e.getKey().equals(key)) {
                        break;
                    }
                    cachedEntries -= e.getValue().length;
                    eldest.remove();
                }
            }
        }
        return map;
    }

    private int[] computeIndexMap(int[] big, int[] small) {
        int[] smallStride = new int[big.length];
        int stride = 1;
        for (int j = small.length - 1; j >= 0; j--) {
            int position = Attributes.indexOf(big, small[j]);
            if (position < 0) {
                throw new IllegalArgumentException(Arrays.toString(small) + " is not a subset of " + Arrays.toString(big));
            }
            smallStride[position] = stride;
            stride *= sizes[small[j]];
        }
        int[] shape = shape(big);
        int n = Math.toIntExact(cells(big));
        int[] map = new int[n];
        int[] digit = new int[big.length];
        int index = 0;
        for (int i = 0; i < n; i++) {
            map[i] = index;
            for (int p = big.length - 1; p >= 0; p--) {
                digit[p]++;
                index += smallStride[p];
                if (digit[p] < shape[p]) {
                    break;
                }
                index -= smallStride[p] * shape[p];
                digit[p] = 0;
            }
        }
        return map;
    }

    private record Pair(int[] big, int[] small) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Pair p && Arrays.equals(big, p.big) && Arrays.equals(small, p.small);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(big) + Arrays.hashCode(small);
        }
    }
}
