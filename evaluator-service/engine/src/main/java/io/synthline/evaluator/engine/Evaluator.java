package io.synthline.evaluator.engine;

import io.synthline.commons.table.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry point: evaluates synthetic data against the real data it imitates. */
public final class Evaluator {
    private Evaluator() {
    }

    public static EvaluationReport evaluate(Table real, Table synthetic) {
        List<ColumnShapeScore> shapes = ColumnShapes.evaluate(real, synthetic);
        Map<String, Double> properties = new LinkedHashMap<>();
        properties.put("Column Shapes", ColumnShapes.average(shapes));
        List<EvaluationReport.ShapeRow> rows = shapes.stream()
                .map(s -> new EvaluationReport.ShapeRow(s.column(), s.metric(), s.score())).toList();
        return new EvaluationReport(new EvaluationReport.Quality(null, properties, new EvaluationReport.Details(rows)),
                List.of("Column Pair Trends", "detection", "utility", "privacy", "fairness"),
                real.rowCount(), synthetic.rowCount());
    }
}
