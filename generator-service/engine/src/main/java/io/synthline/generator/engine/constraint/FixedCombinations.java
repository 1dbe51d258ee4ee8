package io.synthline.generator.engine.constraint;

import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.model.ColumnDomain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the columns of a fixed-combinations constraint are learned: as one categorical column of the combinations seen. */
final class FixedCombinations {
    private static final String SEPARATOR = "\u001F";

    private FixedCombinations() {
    }

    /**
     * The combinations of the columns seen in the rows, as one categorical column (first-seen
     * order); records their parts in {@code combos}. Combinations fewer than {@code minGroup} rows
     * share are not kept: their rows take the kept combination that agrees with them in the most
     * columns (the more frequent on ties), and the columns' domains in {@code outputColumns} keep
     * only the categories of kept combinations.
     */
    static Column column(Table training, int[] cols, int modelColumn, List<Layout.Combo> combos, int minGroup,
            List<ColumnDomain> outputColumns) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        List<double[]> parts = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        int[] codes = new int[training.rowCount()];
        for (int r = 0; r < codes.length; r++) {
            String key = key(training, cols, r);
            Integer id = ids.get(key);
            if (id == null) {
                id = ids.size();
                ids.put(key, id);
                double[] p = new double[cols.length];
                for (int k = 0; k < cols.length; k++) {
                    p[k] = cell(training.column(cols[k]), r);
                }
                parts.add(p);
                counts.add(0);
            }
            counts.set(id, counts.get(id) + 1);
            codes[r] = id;
        }
        List<String> keys = new ArrayList<>(ids.keySet());
        int[] keep = kept(parts, counts, minGroup);
        Map<Integer, Integer> newId = new LinkedHashMap<>();
        for (int id = 0; id < keep.length; id++) {
            if (keep[id] == id) {
                newId.put(id, newId.size());
            }
        }
        List<double[]> keptParts = new ArrayList<>();
        List<String> keptKeys = new ArrayList<>();
        for (int id : newId.keySet()) {
            keptParts.add(parts.get(id).clone());
            keptKeys.add(keys.get(id));
        }
        for (int r = 0; r < codes.length; r++) {
            codes[r] = newId.get(keep[codes[r]]);
        }
        // categorical columns keep the categories of kept combinations only, renumbered in their order
        for (int k = 0; k < cols.length; k++) {
            if (!(training.column(cols[k]) instanceof CategoricalColumn source)) {
                continue;
            }
            boolean[] used = new boolean[source.cardinality()];
            for (double[] p : keptParts) {
                if (!Double.isNaN(p[k])) {
                    used[(int) p[k]] = true;
                }
            }
            int[] renumber = new int[used.length];
            List<String> categories = new ArrayList<>();
            for (int code = 0; code < used.length; code++) {
                renumber[code] = categories.size();
                if (used[code]) {
                    categories.add(source.categories().get(code));
                }
            }
            for (double[] p : keptParts) {
                if (!Double.isNaN(p[k])) {
                    p[k] = renumber[(int) p[k]];
                }
            }
            outputColumns.set(cols[k], ColumnDomain.categorical(source.schema(), categories));
        }
        combos.add(new Layout.Combo(modelColumn, cols, keptParts.toArray(double[][]::new)));
        return new CategoricalColumn(ColumnSchema.of(Layout.HIDDEN + "combo_" + (combos.size() - 1), ColumnType.CATEGORICAL), codes,
                keptKeys);
    }

    /** For each combination, the combination its rows take: itself when kept, else the closest kept one. */
    private static int[] kept(List<double[]> parts, List<Integer> counts, int minGroup) {
        int n = parts.size();
        int[] keep = new int[n];
        List<Integer> kept = new ArrayList<>();
        for (int id = 0; id < n; id++) {
            if (counts.get(id) >= minGroup) {
                kept.add(id);
            }
        }
        if (kept.isEmpty()) {
            int most = 0;
            for (int id = 1; id < n; id++) {
                most = counts.get(id) > counts.get(most) ? id : most;
            }
            kept.add(most);
        }
        for (int id = 0; id < n; id++) {
            int best = -1;
            int bestAgree = -1;
            for (int candidate : kept) {
                int agree = 0;
                for (int k = 0; k < parts.get(id).length; k++) {
                    agree += Double.compare(parts.get(id)[k], parts.get(candidate)[k]) == 0 ? 1 : 0;
                }
                if (agree > bestAgree || agree == bestAgree && counts.get(candidate) > counts.get(best)) {
                    best = candidate;
                    bestAgree = agree;
                }
            }
            keep[id] = best;
        }
        return keep;
    }

    private static String key(Table training, int[] cols, int r) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < cols.length; k++) {
            if (k > 0) {
                sb.append(SEPARATOR);
            }
            String t = training.column(cols[k]).text(r);
            sb.append(t == null ? "\u0000" : t);
        }
        return sb.toString();
    }

    private static double cell(Column column, int r) {
        return switch (column) {
            case NumericColumn n -> n.value(r);
            case CategoricalColumn c -> c.code(r) < 0 ? Double.NaN : c.code(r);
        };
    }
}
