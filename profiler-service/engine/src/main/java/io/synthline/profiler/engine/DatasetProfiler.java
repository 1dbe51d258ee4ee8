package io.synthline.profiler.engine;

import io.synthline.commons.api.ColumnSummary;
import io.synthline.commons.csv.CsvOptions;
import io.synthline.commons.csv.CsvRowSource;
import io.synthline.commons.csv.TypeInference;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.TableSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.datasketches.hll.HllSketch;

/**
 * Profiles a CSV file in one pass: row count, inferred type, null count and an HLL distinct
 * estimate per column. Memory per column is constant (the HLL sketch plus bounded inference state).
 */
public final class DatasetProfiler {
    private static final int HLL_LG_K = 12;

    private final CsvOptions options;

    public DatasetProfiler(CsvOptions options) {
        this.options = options;
    }

    public DatasetProfile profile(Path csv, TableSchema explicit) {
        try (CsvRowSource source = CsvRowSource.open(csv, options)) {
            List<String> header = source.header();
            int n = header.size();
            TypeInference.ColumnEvidence[] evidence = new TypeInference.ColumnEvidence[n];
            HllSketch[] distinct = new HllSketch[n];
            long[] nulls = new long[n];
            for (int i = 0; i < n; i++) {
                evidence[i] = new TypeInference.ColumnEvidence();
                distinct[i] = new HllSketch(HLL_LG_K);
            }
            long rows = 0;
            while (source.next()) {
                rows++;
                for (int i = 0; i < n; i++) {
                    String v = source.value(i);
                    if (v == null) {
                        nulls[i]++;
                    } else {
                        evidence[i].accept(v);
                        distinct[i].update(v);
                    }
                }
            }
            List<ColumnSchema> inferred = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                inferred.add(evidence[i].decide(header.get(i)));
            }
            TableSchema schema = new TableSchema(inferred).overriddenBy(explicit);
            List<ColumnSummary> columns = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                columns.add(new ColumnSummary(header.get(i), schema.column(i).type(), nulls[i],
                        Math.round(distinct[i].getEstimate())));
            }
            return new DatasetProfile(DatasetProfile.VERSION, rows, schema, columns);
        }
    }
}
