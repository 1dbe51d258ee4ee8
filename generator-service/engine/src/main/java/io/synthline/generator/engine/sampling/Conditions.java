package io.synthline.generator.engine.sampling;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.ConditionSpec;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.DateTimeFormats;
import io.synthline.commons.table.NumberText;
import io.synthline.generator.engine.model.ColumnDomain;
import io.synthline.generator.engine.model.ModelDomain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns conditions as users write them (column names, texts) into a {@link Condition} on a domain. */
public final class Conditions {
    private Conditions() {
    }

    public static Condition resolve(ModelDomain domain, List<ConditionSpec> specs) {
        if (specs == null || specs.isEmpty()) {
            return Condition.NONE;
        }
        Map<Integer, ColumnCondition> byColumn = new LinkedHashMap<>();
        for (ConditionSpec spec : specs) {
            if (spec == null || spec.column() == null || spec.column().isBlank()) {
                throw new BadInputException("invalid-condition", "every condition needs a column");
            }
            int c = domain.require(spec.column(), "a condition");
            ColumnCondition p = predicate(domain.column(c), c, spec);
            ColumnCondition previous = byColumn.get(c);
            byColumn.put(c, previous == null ? p : intersect(domain.column(c), previous, p));
        }
        return new Condition(new ArrayList<>(byColumn.values()));
    }

    /** Both conditions at once (predicates on the same column intersected). */
    public static Condition and(ModelDomain domain, Condition a, Condition b) {
        Map<Integer, ColumnCondition> byColumn = new LinkedHashMap<>();
        for (Condition c : List.of(a, b)) {
            for (ColumnCondition p : c.predicates()) {
                ColumnCondition previous = byColumn.get(p.column());
                byColumn.put(p.column(), previous == null ? p : intersect(domain.column(p.column()), previous, p));
            }
        }
        return new Condition(new ArrayList<>(byColumn.values()));
    }

    /** A range constraint on a column, as a condition. */
    public static ColumnCondition range(ModelDomain domain, int column, String min, String max, String what) {
        return between(domain.column(column), column, min, max, what);
    }

    private static ColumnCondition between(ColumnDomain d, int column, String min, String max, String what) {
        if (d.isCategorical()) {
            throw new BadInputException("invalid-range", what + " on column '" + d.name() + "' needs a numeric or datetime column, but it is "
                    + d.schema().type());
        }
        double lo = min == null ? Double.NEGATIVE_INFINITY : number(d, min, what);
        double hi = max == null ? Double.POSITIVE_INFINITY : number(d, max, what);
        if (lo > hi) {
            throw new BadInputException("contradictory-condition", what + " on column '" + d.name() + "' has min " + min
                    + " above max " + max);
        }
        return new ColumnCondition.Between(column, lo, hi);
    }

    private static ColumnCondition predicate(ColumnDomain d, int c, ConditionSpec spec) {
        int given = (spec.equals() != null ? 1 : 0) + (spec.in() != null ? 1 : 0) + (spec.min() != null || spec.max() != null ? 1 : 0);
        if (given != 1) {
            throw new BadInputException("invalid-condition", "the condition on column '" + d.name()
                    + "' must give exactly one of equals, in, or min/max");
        }
        if (spec.min() != null || spec.max() != null) {
            return between(d, c, spec.min(), spec.max(), "the condition");
        }
        List<String> values = spec.equals() != null ? List.of(spec.equals()) : spec.in();
        if (values.isEmpty()) {
            throw new BadInputException("invalid-condition", "the condition on column '" + d.name() + "' lists no values");
        }
        double[] cells = new double[values.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cell(d, values.get(i));
        }
        return new ColumnCondition.OneOf(c, cells);
    }

    /** The cell a value stands for: a category index, a number, or NaN for a missing value (null or ""). */
    public static double cell(ColumnDomain d, String value) {
        if (value == null || value.isEmpty()) {
            return Double.NaN;
        }
        if (d.isCategorical()) {
            int code = d.code(value);
            if (code < 0) {
                List<String> cats = d.categories();
                String known = cats.size() <= 30 ? " values are " + cats : " (" + cats.size() + " distinct values)";
                throw new BadInputException("unknown-value", "column '" + d.name() + "' never has the value '" + value + "';" + known);
            }
            return code;
        }
        return number(d, value, "the condition");
    }

    static double number(ColumnDomain d, String text, String what) {
        double v = d.schema().type() == ColumnType.DATETIME ? DateTimeFormats.parse(text.strip(), d.schema().format())
                : NumberText.parse(text.strip());
        if (Double.isNaN(v)) {
            throw new BadInputException("invalid-condition", what + " on column '" + d.name() + "': '" + text + "' is not a valid "
                    + d.schema().type() + (d.schema().format() != null ? " (" + d.schema().format() + ")" : ""));
        }
        return v;
    }

    private static ColumnCondition intersect(ColumnDomain d, ColumnCondition a, ColumnCondition b) {
        if (a instanceof ColumnCondition.Between x && b instanceof ColumnCondition.Between y) {
            double lo = Math.max(x.min(), y.min());
            double hi = Math.min(x.max(), y.max());
            if (lo > hi) {
                throw new ImpossibleConditionException("the conditions on column '" + d.name() + "' exclude each other");
            }
            return new ColumnCondition.Between(a.column(), lo, hi);
        }
        ColumnCondition.OneOf set = a instanceof ColumnCondition.OneOf o ? o : (ColumnCondition.OneOf) b;
        ColumnCondition other = set == a ? b : a;
        double[] kept = Arrays.stream(set.cells()).filter(other::test).toArray();
        if (kept.length == 0) {
            throw new ImpossibleConditionException("the conditions on column '" + d.name() + "' exclude each other");
        }
        return new ColumnCondition.OneOf(a.column(), kept);
    }
}
