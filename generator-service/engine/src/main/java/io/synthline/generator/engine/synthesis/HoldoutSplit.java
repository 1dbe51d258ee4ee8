package io.synthline.generator.engine.synthesis;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.random.Seeds;
import java.util.Arrays;

/**
 * Real rows kept away from fitting so that the evaluator can tell what a model learned about its
 * training rows from what it learned about the population (membership inference, distance to
 * closest record, TSTR). Exactly {@code floor(rows x share)} rows are held out, chosen by a seeded
 * hash of the row index, so the split depends only on the data, the share and the seed (not on
 * threads or machines). Both parts keep the file's row order and only their own categories.
 *
 * <p>Both parts are made on demand from the row indices, so holding out nothing costs nothing.
 */
public final class HoldoutSplit {
    /** Largest share that may be held out: beyond it the model would learn from too little. */
    public static final double MAX_SHARE = 0.5;
    /**
     * Fewest held-out rows worth keeping: attack and utility measurements on fewer rows say
     * nothing, and the rows are better spent on fitting.
     */
    public static final int MIN_ROWS = 20;

    private final Table data;
    private final int[] kept;
    private final int[] held;

    private HoldoutSplit(Table data, int[] kept, int[] held) {
        this.data = data;
        this.kept = kept;
        this.held = held;
    }

    public boolean hasHoldout() {
        return held.length > 0;
    }

    /** The rows the model learns from (the whole table when nothing is held out). */
    public Table training() {
        return hasHoldout() ? data.rows(kept) : data;
    }

    /** The held-out rows; empty when nothing is held out. */
    public Table holdout() {
        return data.rows(held);
    }

    /** @param share the share of rows to hold out, in [0, {@value #MAX_SHARE}]; null or 0 holds out nothing */
    public static HoldoutSplit of(Table data, Double share, long seed) {
        int n = data.rowCount();
        int k = heldOutRows(n, share);
        if (k == 0) {
            return new HoldoutSplit(data, null, new int[0]);
        }
        long splitSeed = Seeds.derive(seed, "holdout");
        long[] keys = new long[n];
        for (int r = 0; r < n; r++) {
            keys[r] = Seeds.derive(splitSeed, r);
        }
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        long threshold = sorted[k - 1];
        int below = 0;
        for (long key : sorted) {
            if (key < threshold) {
                below++;
            }
        }
        int tiesToTake = k - below;
        int[] held = new int[k];
        int[] kept = new int[n - k];
        int h = 0;
        int t = 0;
        for (int r = 0; r < n; r++) {
            boolean hold = keys[r] < threshold || (keys[r] == threshold && tiesToTake-- > 0);
            if (hold) {
                held[h++] = r;
            } else {
                kept[t++] = r;
            }
        }
        return new HoldoutSplit(data, kept, held);
    }

    /** How many of {@code rows} rows a share holds out: 0 when fewer than {@value #MIN_ROWS} would be. */
    public static int heldOutRows(int rows, Double share) {
        validate(share);
        if (share == null || share == 0) {
            return 0;
        }
        int k = (int) Math.floor(rows * share);
        return k < MIN_ROWS ? 0 : k;
    }

    public static void validate(Double share) {
        if (share != null && !(share >= 0 && share <= MAX_SHARE)) {
            throw new BadInputException("invalid-holdout", "holdout must be a share of rows between 0 and " + MAX_SHARE + ", got " + share);
        }
    }
}
