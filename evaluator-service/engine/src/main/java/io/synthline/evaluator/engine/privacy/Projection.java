package io.synthline.evaluator.engine.privacy;

import io.synthline.evaluator.engine.data.EvalColumn;
import io.synthline.evaluator.engine.data.Frame;
import java.util.ArrayList;
import java.util.List;

/** A subset of the evaluated columns (an attacker's auxiliary knowledge), re-indexed from 0. */
record Projection(List<EvalColumn> columns, int[] source) {
    static Projection of(List<EvalColumn> subset) {
        List<EvalColumn> cols = new ArrayList<>();
        int[] source = new int[subset.size()];
        for (int i = 0; i < subset.size(); i++) {
            EvalColumn c = subset.get(i);
            cols.add(new EvalColumn(i, c.name(), c.type(), c.categories()));
            source[i] = c.index();
        }
        return new Projection(List.copyOf(cols), source);
    }

    Frame apply(Frame f) {
        return f.project(source);
    }

    /** The distance space of these columns with ranges from the given (full-width) table. */
    GowerSpace space(Frame rangesFrom) {
        return new GowerSpace(columns, apply(rangesFrom));
    }
}
