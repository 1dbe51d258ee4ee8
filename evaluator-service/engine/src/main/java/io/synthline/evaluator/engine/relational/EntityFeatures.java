package io.synthline.evaluator.engine.relational;

import io.synthline.commons.relational.Entities;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.evaluator.engine.data.SdType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One row per entity (a root row with its descendants): the root's evaluated columns, and per
 * descendant table {@code table.rows} (how many rows the entity has there), {@code table.column.mean}
 * for numbers and dates, {@code table.column.mode} (most common value, the smallest text among
 * equals) for categories. An entity without rows in a table has missing means and modes there.
 */
final class EntityFeatures {
    private EntityFeatures() {
    }

    static Table of(RelationalDataset dataset, String root) {
        Map<String, int[]> rootOf = Entities.rootRows(dataset, root);
        Table rootTable = dataset.table(root);
        int n = rootTable.rowCount();
        List<Column> out = new ArrayList<>();
        Map<String, SdType> rootTypes = RelationalFrames.sdtypes(dataset.metadata(), root, rootTable);
        for (Column c : rootTable.columns()) {
            if (rootTypes.get(c.name()) != null) {
                out.add(c);
            }
        }
        for (String t : Entities.descendants(dataset.metadata(), root)) {
            Table table = dataset.table(t);
            int[] owner = rootOf.get(t);
            double[] rows = new double[n];
            for (int o : owner) {
                if (o >= 0) {
                    rows[o]++;
                }
            }
            out.add(new NumericColumn(ColumnSchema.of(t + ".rows", ColumnType.INTEGER), rows));
            Map<String, SdType> types = RelationalFrames.sdtypes(dataset.metadata(), t, table);
            for (Column c : table.columns()) {
                SdType type = types.get(c.name());
                if (type == null) {
                    continue;
                }
                if (c instanceof NumericColumn num) {
                    out.add(mean(t + "." + c.name() + ".mean", num, owner, n));
                } else if (c instanceof CategoricalColumn cat) {
                    out.add(mode(t + "." + c.name() + ".mode", cat, owner, n));
                }
            }
        }
        return new Table(out);
    }

    private static Column mean(String name, NumericColumn c, int[] owner, int n) {
        double[] sum = new double[n];
        double[] count = new double[n];
        for (int r = 0; r < owner.length; r++) {
            double v = c.value(r);
            if (owner[r] >= 0 && !Double.isNaN(v)) {
                sum[owner[r]] += v;
                count[owner[r]]++;
            }
        }
        for (int i = 0; i < n; i++) {
            sum[i] = count[i] == 0 ? Double.NaN : sum[i] / count[i];
        }
        return new NumericColumn(ColumnSchema.of(name, ColumnType.DECIMAL), sum);
    }

    private static Column mode(String name, CategoricalColumn c, int[] owner, int n) {
        List<Map<Integer, Integer>> counts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            counts.add(null);
        }
        for (int r = 0; r < owner.length; r++) {
            int code = c.code(r);
            if (owner[r] >= 0 && code >= 0) {
                Map<Integer, Integer> m = counts.get(owner[r]);
                if (m == null) {
                    m = new HashMap<>(4);
                    counts.set(owner[r], m);
                }
                m.merge(code, 1, Integer::sum);
            }
        }
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            Map<Integer, Integer> m = counts.get(i);
            int best = CategoricalColumn.NULL_CODE;
            int bestCount = 0;
            if (m != null) {
                for (var e : m.entrySet()) {
                    int k = e.getKey();
                    if (e.getValue() > bestCount || e.getValue() == bestCount && c.categories().get(k).compareTo(c.categories().get(best)) < 0) {
                        best = k;
                        bestCount = e.getValue();
                    }
                }
            }
            codes[i] = best;
        }
        return new CategoricalColumn(ColumnSchema.of(name, ColumnType.CATEGORICAL), codes, c.categories());
    }
}
