package io.synthline.generator.engine;

import io.synthline.commons.table.Column;
import io.synthline.commons.table.NumericColumn;
import java.util.HashMap;
import java.util.Map;

/** What the artifact disclosure tests search a model's bytes for: the training values and how many rows hold each. */
public final class ArtifactNeedles {
    private ArtifactNeedles() {
    }

    /**
     * A double whose 8 bytes hold at least 4 non-zero ones: small whole numbers (73.0 is 40 52 40
     * 00 00 00 00 00) turn up by chance in any binary structure (counts, codes, other columns'
     * values) and are left to the cell-level checks (NumericCellsTest).
     */
    public static boolean distinctive(double v) {
        long bits = Double.doubleToLongBits(v);
        int nonZero = 0;
        for (int i = 0; i < 8; i++) {
            nonZero += ((bits >>> (8 * i)) & 0xFF) != 0 ? 1 : 0;
        }
        return nonZero >= 4;
    }

    /** How many rows hold each value of a column, by its text (numbers as {@link Double#toString}). */
    public static Map<String, Integer> counts(Column column) {
        Map<String, Integer> counts = new HashMap<>();
        for (int r = 0; r < column.size(); r++) {
            String t = column.text(r);
            if (t != null) {
                counts.merge(column instanceof NumericColumn n ? Double.toString(n.value(r)) : t, 1, Integer::sum);
            }
        }
        return counts;
    }
}
