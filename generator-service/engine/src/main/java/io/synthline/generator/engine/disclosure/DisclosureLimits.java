package io.synthline.generator.engine.disclosure;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.random.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a model that gives no formal guarantee may keep of its training rows.
 *
 * @param minGroup     k: no value, category or interval that fewer than k training rows share is
 *                     stored (rarer categories are merged, rarer numbers drawn from intervals of
 *                     at least k rows); 10 by default, as in common statistical disclosure control
 *                     practice for frequency tables
 * @param maxIntervals about how many intervals a numeric column's rare values are spread over
 */
public record DisclosureLimits(int minGroup, int maxIntervals) {
    public static final DisclosureLimits DEFAULT = new DisclosureLimits(10, 256);

    public DisclosureLimits {
        if (minGroup < 1) {
            throw new BadInputException("invalid-model-option", "the smallest group a model may keep must be at least 1 row, got " + minGroup);
        }
        if (maxIntervals < 1) {
            throw new BadInputException("invalid-model-option", "numeric columns need at least 1 interval, got " + maxIntervals);
        }
    }

    /**
     * The table a model that stores values (empirical marginals, quantile grids) learns from:
     * numeric columns {@link NumericCells#disguise disguised} (rare values drawn inside their
     * cells, seeded by column), categorical columns as they are (rare categories are merged
     * before models see them).
     */
    public Table disguise(Table table, long seed) {
        List<Column> columns = new ArrayList<>(table.columnCount());
        for (Column c : table.columns()) {
            if (c instanceof NumericColumn num) {
                NumericCells cells = NumericCells.of(num.values(), minGroup, maxIntervals);
                SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "disguise:" + c.name()));
                columns.add(new NumericColumn(num.schema(), cells.disguise(num.values(), random)));
            } else {
                columns.add(c);
            }
        }
        return new Table(columns);
    }
}
