package io.synthline.generator.engine.disclosure;

import io.synthline.commons.table.CategoricalColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * Categories that fewer than k training rows share are merged into one category, {@value #OTHER},
 * so that a model never stores (or reproduces) a value that points at a handful of people. The
 * frequent categories keep their order; {@value #OTHER} comes last.
 */
public final class RareCategories {
    /** The label of the merged rare categories (angle brackets: no data value of a CSV looks like it by accident). */
    public static final String OTHER = "<other>";

    private RareCategories() {
    }

    /** The column with its rare categories merged, or the column itself when none is rare. */
    public static CategoricalColumn merge(CategoricalColumn column, int minGroup) {
        int cardinality = column.cardinality();
        int[] counts = new int[cardinality];
        for (int code : column.codes()) {
            if (code >= 0) {
                counts[code]++;
            }
        }
        boolean anyRare = false;
        boolean anyUnused = false;
        for (int count : counts) {
            anyRare |= count > 0 && count < minGroup;
            anyUnused |= count == 0;
        }
        if (!anyRare && !anyUnused) {
            return column;
        }
        int[] map = new int[cardinality];
        List<String> kept = new ArrayList<>();
        for (int k = 0; k < cardinality; k++) {
            if (counts[k] >= minGroup) {
                map[k] = kept.size();
                kept.add(column.categories().get(k));
            } else {
                map[k] = -2;
            }
        }
        int other = -1;
        if (anyRare) {
            other = kept.indexOf(OTHER);
            if (other < 0) {
                other = kept.size();
                kept.add(OTHER);
            }
        }
        int[] codes = column.codes();
        int[] recoded = new int[codes.length];
        for (int r = 0; r < codes.length; r++) {
            int code = codes[r];
            recoded[r] = code < 0 ? code : map[code] == -2 ? other : map[code];
        }
        return new CategoricalColumn(column.schema(), recoded, kept);
    }
}
