package io.synthline.generator.engine.dp;

import io.synthline.commons.api.DeclaredColumn;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvTableReader;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.Table;
import io.synthline.fixtures.Datasets;
import io.synthline.generator.engine.model.FittedModel;
import io.synthline.generator.engine.privacy.domain.DeclaredSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Adult and its public domain declaration (samples/adult-domain.json), shared by the DP tests. */
final class AdultFixtures {
    static final DeclaredSchema DOMAIN = DeclaredSchema.read(Path.of("../../samples/adult-domain.json"));
    static final Table ADULT = CsvTableReader.read(Datasets.adult(), CsvOptions.defaults(),
            DOMAIN.tableSchema());

    private AdultFixtures() {
    }

    /** Some of Adult's columns, with the matching part of the declaration. */
    static Table columns(String... names) {
        List<Column> columns = new ArrayList<>();
        for (String n : names) {
            columns.add(ADULT.column(n));
        }
        return new Table(columns);
    }

    static DeclaredSchema domainOf(String... names) {
        Map<String, DeclaredColumn> byName = DOMAIN.columns().stream()
                .collect(Collectors.toMap(DeclaredColumn::name, Function.identity()));
        List<DeclaredColumn> out = new ArrayList<>();
        for (String n : names) {
            out.add(byName.get(n));
        }
        return new DeclaredSchema(out);
    }

    /** Rows as arrays, in the table's column order. */
    static List<String[]> sample(FittedModel model, long rows, long seed) {
        List<String[]> out = new ArrayList<>();
        model.sample(rows, seed, r -> out.add(r.clone()));
        return out;
    }

    /** 1 - total variation distance between a column's category shares in the data and in the rows. */
    static double tvComplement(Table real, List<String[]> rows, String column) {
        int c = real.schema().indexOf(column).getAsInt();
        Map<String, Double> p = new HashMap<>();
        Map<String, Double> q = new HashMap<>();
        for (int r = 0; r < real.rowCount(); r++) {
            p.merge(String.valueOf(real.column(c).text(r)), 1.0 / real.rowCount(), Double::sum);
        }
        for (String[] row : rows) {
            q.merge(String.valueOf(row[c]), 1.0 / rows.size(), Double::sum);
        }
        Set<String> keys = new HashSet<>(p.keySet());
        keys.addAll(q.keySet());
        double tv = 0;
        for (String k : keys) {
            tv += Math.abs(p.getOrDefault(k, 0.0) - q.getOrDefault(k, 0.0));
        }
        return 1 - tv / 2;
    }

    /** Share of rows with {@code a = x} that also have {@code b = y}. */
    static double conditionalShare(List<String[]> rows, int a, String x, int b, String y) {
        long given = rows.stream().filter(r -> x.equals(r[a])).count();
        long both = rows.stream().filter(r -> x.equals(r[a]) && y.equals(r[b])).count();
        return (double) both / given;
    }
}
