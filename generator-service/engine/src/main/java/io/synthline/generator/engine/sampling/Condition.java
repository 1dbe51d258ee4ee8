package io.synthline.generator.engine.sampling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A conjunction of column predicates, at most one per column (several on a column are merged by the parser). */
public record Condition(List<ColumnCondition> predicates) {
    public static final Condition NONE = new Condition(List.of());

    public Condition {
        predicates = List.copyOf(predicates);
        Map<Integer, ColumnCondition> seen = new LinkedHashMap<>();
        for (ColumnCondition p : predicates) {
            if (seen.put(p.column(), p) != null) {
                throw new IllegalArgumentException("two predicates on column " + p.column());
            }
        }
    }

    public static Condition of(ColumnCondition... predicates) {
        return new Condition(List.of(predicates));
    }

    public boolean isEmpty() {
        return predicates.isEmpty();
    }

    public boolean test(double[] row) {
        for (ColumnCondition p : predicates) {
            if (!p.test(row[p.column()])) {
                return false;
            }
        }
        return true;
    }

    public ColumnCondition on(int column) {
        for (ColumnCondition p : predicates) {
            if (p.column() == column) {
                return p;
            }
        }
        return null;
    }

    /** This condition and one more predicate (replacing any on the same column). */
    public Condition and(ColumnCondition extra) {
        List<ColumnCondition> all = new ArrayList<>();
        for (ColumnCondition p : predicates) {
            if (p.column() != extra.column()) {
                all.add(p);
            }
        }
        all.add(extra);
        return new Condition(all);
    }
}
