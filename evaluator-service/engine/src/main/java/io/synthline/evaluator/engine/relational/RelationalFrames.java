package io.synthline.evaluator.engine.relational;

import io.synthline.commons.relational.ColumnMetadata;
import io.synthline.commons.relational.KeyIndex;
import io.synthline.commons.relational.RelationalDataset;
import io.synthline.commons.relational.RelationalMetadata;
import io.synthline.commons.relational.Relationship;
import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.NumberText;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.commons.table.ValueFormatter;
import io.synthline.evaluator.engine.data.SdType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the relational metrics look at: evaluated columns per table, joins of parent and child, children per parent. */
public final class RelationalFrames {
    private RelationalFrames() {
    }

    /**
     * The sdtype of every column of a table as SDMetrics treats it with this metadata (null: not
     * evaluated): key columns and {@code id} or PII columns are not; declared statistical types
     * win; undeclared columns get the type their values show.
     */
    public static Map<String, SdType> sdtypes(RelationalMetadata metadata, String table, Table data) {
        Set<String> keys = metadata.keyColumns(table);
        Map<String, SdType> out = new LinkedHashMap<>();
        for (Column c : data.columns()) {
            ColumnMetadata declared = metadata.table(table).column(c.name()).orElse(null);
            SdType type;
            if (keys.contains(c.name()) || declared != null && (declared.isId() || declared.isPii())) {
                type = null;
            } else if (declared != null && declared.sdtype() != null) {
                type = SdType.parse(declared.sdtype());
            } else {
                type = SdType.forColumnType(c.type()).orElse(null);
            }
            out.put(c.name(), type);
        }
        return out;
    }

    /** For every parent row, the number of child rows whose foreign key points at it. */
    public static double[] childCounts(RelationalDataset dataset, Relationship r) {
        Table parent = dataset.table(r.parentTable());
        int[] parentOf = KeyIndex.of(parent, r.parentKey()).resolve(dataset.table(r.childTable()), r.childKey());
        double[] counts = new double[parent.rowCount()];
        for (int p : parentOf) {
            if (p >= 0) {
                counts[p]++;
            }
        }
        return counts;
    }

    /**
     * The child rows whose foreign key resolves, each with its parent row's columns (an inner
     * join, as pandas' merge): child columns named {@code child.column}, parent columns {@code parent.column}.
     */
    public static Table denormalize(RelationalDataset dataset, Relationship r) {
        Table parent = dataset.table(r.parentTable());
        Table child = dataset.table(r.childTable());
        int[] parentOf = KeyIndex.of(parent, r.parentKey()).resolve(child, r.childKey());
        int[] childRows = new int[parentOf.length];
        int[] parentRows = new int[parentOf.length];
        int n = 0;
        for (int i = 0; i < parentOf.length; i++) {
            if (parentOf[i] >= 0) {
                childRows[n] = i;
                parentRows[n++] = parentOf[i];
            }
        }
        List<Column> columns = new ArrayList<>();
        for (Column c : child.rows(Arrays.copyOf(childRows, n)).columns()) {
            columns.add(renamed(c, r.childTable() + "." + c.name()));
        }
        for (Column c : parent.rows(Arrays.copyOf(parentRows, n)).columns()) {
            columns.add(renamed(c, r.parentTable() + "." + c.name()));
        }
        return new Table(columns);
    }

    /**
     * The table with the categories of every discrete column whose values are all numbers written
     * as the number they are ({@code 3} and {@code 3.0} become one category), as pandas reads such a
     * column of a CSV file as numbers before SDMetrics compares them.
     */
    public static Table numbersAsPandasReadsThem(Table table) {
        List<Column> columns = new ArrayList<>(table.columnCount());
        boolean changed = false;
        for (Column c : table.columns()) {
            if (c instanceof CategoricalColumn k && k.cardinality() > 0
                    && k.categories().stream().allMatch(v -> !Double.isNaN(NumberText.parse(v.strip())))) {
                List<String> canonical = k.categories().stream().map(v -> ValueFormatter.decimal(NumberText.parse(v.strip()))).toList();
                columns.add(new CategoricalColumn(k.schema(), k.codes(), canonical));
                changed |= !canonical.equals(k.categories());
            } else {
                columns.add(c);
            }
        }
        return changed ? new Table(columns) : table;
    }

    static Column renamed(Column c, String name) {
        ColumnSchema schema = new ColumnSchema(name, c.type(), c.schema().format());
        return switch (c) {
            case NumericColumn n -> new NumericColumn(schema, n.values());
            case CategoricalColumn k -> new CategoricalColumn(schema, k.codes(), k.categories());
        };
    }
}
