package io.synthline.commons.csv;

import io.synthline.commons.concurrent.Parallel;
import io.synthline.commons.table.RowSource;
import io.synthline.commons.table.TextBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Work on a table's cells split by columns over threads: the calling thread takes the rows block
 * by block, and every column of a block is handed to one thread, so that each column sees its
 * values in file order whatever the number of threads (the profiler's scheme, for readers of
 * whole tables).
 */
final class ColumnBlocks {
    /** Cells per block, as the profiler's batches. */
    private static final int BLOCK_CELLS = 1 << 14;

    private ColumnBlocks() {
    }

    /** What is done with one column of a block; may throw a {@link CsvFormatException} naming a row of the block. */
    interface ColumnWork {
        void accept(TextBlock block, int column);
    }

    /** Called on the calling thread for each block, in file order: before its columns are worked on, or after. */
    interface BlockStep {
        void accept(TextBlock block);
    }

    /** A column's first problem, at a row of the block. */
    static final class RowProblem extends RuntimeException {
        final int row;
        final int column;
        final RuntimeException problem;

        RowProblem(int row, int column, RuntimeException problem) {
            super(problem.getMessage(), problem, false, false);
            this.row = row;
            this.column = column;
            this.problem = problem;
        }

        boolean before(RowProblem other) {
            return other == null || row < other.row || row == other.row && column < other.column;
        }
    }

    /**
     * Reads the rest of {@code source} block by block. A problem of the source (a ragged row) is
     * thrown after the rows before it were worked on, and of the problems the columns found in a
     * block the one a row-by-row reader meets first (lowest row, then lowest column) is thrown.
     * With one thread every column is worked on by the calling thread.
     *
     * @param start null, or what is done with each block before its columns
     * @param end   null, or what is done with each block once all its columns were worked on without a problem
     */
    static void forEachBlock(RowSource source, int threads, ColumnWork work, BlockStep start, BlockStep end) {
        int n = source.columnCount();
        TextBlock block = new TextBlock(n, Math.max(8, Math.min(4096, BLOCK_CELLS / Math.max(1, n))));
        int groups = Math.max(1, Math.min(threads, n));
        List<int[]> columnGroups = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            int size = (n - g + groups - 1) / groups;
            int[] columns = new int[size];
            for (int k = 0; k < size; k++) {
                columns[k] = g + k * groups;
            }
            columnGroups.add(columns);
        }
        try (Parallel parallel = Parallel.open(groups, "table-columns")) {
            while (true) {
                RuntimeException sourceProblem = null;
                try {
                    if (!source.fill(block)) {
                        return;
                    }
                } catch (RuntimeException e) {
                    sourceProblem = e; // the rows before it count first
                }
                if (block.rows() > 0) {
                    if (start != null) {
                        start.accept(block);
                    }
                    List<RowProblem> problems = parallel.map(columnGroups, groups, columns -> {
                        RowProblem first = null;
                        for (int c : columns) {
                            try {
                                work.accept(block, c);
                            } catch (RowProblem p) {
                                if (p.before(first)) {
                                    first = p;
                                }
                            }
                        }
                        return first;
                    });
                    RowProblem first = null;
                    for (RowProblem p : problems) {
                        if (p != null && p.before(first)) {
                            first = p;
                        }
                    }
                    if (first != null) {
                        throw first.problem;
                    }
                    if (end != null) {
                        end.accept(block);
                    }
                }
                if (sourceProblem != null) {
                    throw sourceProblem;
                }
            }
        }
    }
}
