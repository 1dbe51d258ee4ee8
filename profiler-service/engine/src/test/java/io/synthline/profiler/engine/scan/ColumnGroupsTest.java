package io.synthline.profiler.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnGroupsTest {
    @Test
    void stripedDealsColumnsInTurn() {
        assertThat(ColumnGroups.striped(5, 2)).isDeepEqualTo(new int[][] {{0, 2, 4}, {1, 3}});
        assertThat(ColumnGroups.striped(2, 3)).isDeepEqualTo(new int[][] {{0}, {1}, {}});
    }

    @Test
    void readerStartsWithItsReadingCost() {
        // loads (g0, g1) start at (10, 0): 9 -> g1 (10, 9); 7 -> g1 (10, 16); 5 -> g0 (15, 16); 4 -> g0 (19, 16); 3 -> g1 (19, 19)
        int[][] groups = ColumnGroups.balanced(new long[] {9, 7, 5, 4, 3}, 10, 2);
        assertThat(groups).isDeepEqualTo(new int[][] {{2, 3}, {0, 1, 4}});
    }

    @Test
    void readingCostingMoreThanAllColumnsLeavesTheReaderNone() {
        assertThat(ColumnGroups.balanced(new long[] {1, 2, 3}, 100, 2)).isDeepEqualTo(new int[][] {{}, {0, 1, 2}});
    }

    @Test
    void equalCostsSplitByColumnIndex() {
        assertThat(ColumnGroups.balanced(new long[] {5, 5, 5, 5}, 0, 2)).isDeepEqualTo(new int[][] {{0, 2}, {1, 3}});
        assertThat(ColumnGroups.balanced(new long[] {5, 5, 5, 5}, 0, 3)).isDeepEqualTo(new int[][] {{0, 3}, {1}, {2}});
    }
}
