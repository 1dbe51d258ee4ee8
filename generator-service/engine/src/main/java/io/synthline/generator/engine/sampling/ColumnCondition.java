package io.synthline.generator.engine.sampling;

import java.util.Arrays;

/** A predicate on one column of a model's domain, resolved to cell values (category indexes or numbers). */
public sealed interface ColumnCondition {
    int column();

    boolean test(double cell);

    /**
     * The cell is one of these values. For categorical columns the values are category
     * indexes; NaN stands for "missing".
     */
    record OneOf(int column, double[] cells) implements ColumnCondition {
        public OneOf {
            cells = cells.clone();
            Arrays.sort(cells);
        }

        public static OneOf of(int column, double... cells) {
            return new OneOf(column, cells);
        }

        public boolean allowsMissing() {
            return cells.length > 0 && Double.isNaN(cells[cells.length - 1]);
        }

        @Override
        public boolean test(double cell) {
            if (Double.isNaN(cell)) {
                return allowsMissing();
            }
            return Arrays.binarySearch(cells, cell) >= 0;
        }
    }

    /** A numeric cell in [min, max] (inclusive; infinities for open ends); missing cells never match. */
    record Between(int column, double min, double max) implements ColumnCondition {
        @Override
        public boolean test(double cell) {
            return cell >= min && cell <= max;
        }
    }
}
