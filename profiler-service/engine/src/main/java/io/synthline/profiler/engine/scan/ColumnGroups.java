package io.synthline.profiler.engine.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits the columns into one group per thread. Group 0 belongs to the reader thread, which also
 * parses the file, so it starts with that cost already on its plate; the rest is spread by longest
 * processing time first (each column, costliest first, to the group with the least work so far).
 * Which group updates a column never changes the profile: a column sees its values in file order
 * whichever thread updates it.
 */
final class ColumnGroups {
    private ColumnGroups() {
    }

    /** Columns g, g + groups, g + 2 groups, ... for group g: the split before any cost is known. */
    static int[][] striped(int columns, int groups) {
        int[][] out = new int[groups][];
        for (int g = 0; g < groups; g++) {
            int width = Math.max(0, (columns - g + groups - 1) / groups);
            out[g] = new int[width];
            for (int k = 0, c = g; k < width; k++, c += groups) {
                out[g][k] = c;
            }
        }
        return out;
    }

    /**
     * @param columnCost what each column cost over some batches (any unit)
     * @param readerCost what reading the same batches cost the reader thread, in the same unit
     * @return per group, its columns in ascending order
     */
    static int[][] balanced(long[] columnCost, long readerCost, int groups) {
        List<Integer> order = new ArrayList<>(columnCost.length);
        for (int c = 0; c < columnCost.length; c++) {
            order.add(c);
        }
        // ties by column index, so that equal costs split the same way every time
        order.sort(Comparator.<Integer>comparingLong(c -> -columnCost[c]).thenComparingInt(c -> c));
        long[] load = new long[groups];
        load[0] = Math.max(0, readerCost);
        List<List<Integer>> members = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            members.add(new ArrayList<>());
        }
        for (int c : order) {
            int least = 0;
            for (int g = 1; g < groups; g++) {
                if (load[g] < load[least]) {
                    least = g;
                }
            }
            members.get(least).add(c);
            load[least] += Math.max(0, columnCost[c]);
        }
        int[][] out = new int[groups][];
        for (int g = 0; g < groups; g++) {
            out[g] = members.get(g).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return out;
    }
}
