package io.synthline.evaluator.engine.data;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The real, synthetic and (optional) holdout tables restricted to the evaluated columns, in the
 * real table's column order, with one category dictionary per discrete column shared by all three.
 */
public final class EvalData {
    /** Nanoseconds per millisecond: the table keeps datetimes in epoch milliseconds, pandas in nanoseconds. */
    private static final double NANOS_PER_MILLI = 1e6;

    private final List<EvalColumn> columns;
    private final List<String> skippedColumns;
    private final Frame real;
    private final Frame synthetic;
    private final Frame holdout;

    private EvalData(List<EvalColumn> columns, List<String> skippedColumns, Frame real, Frame synthetic, Frame holdout) {
        this.columns = List.copyOf(columns);
        this.skippedColumns = List.copyOf(skippedColumns);
        this.real = real;
        this.synthetic = synthetic;
        this.holdout = holdout;
    }

    public static EvalData of(Table real, Table synthetic) {
        return of(real, synthetic, null, Map.of());
    }

    /**
     * @param holdout   real rows the synthesizer never saw, or null
     * @param sdtypes   explicit sdtypes that win over the ones derived from the column types
     *                  (SDV metadata in effect); a column mapped to null is not evaluated
     */
    public static EvalData of(Table real, Table synthetic, Table holdout, Map<String, SdType> sdtypes) {
        if (real.rowCount() == 0) {
            throw new BadInputException("empty-real", "the real data has no rows");
        }
        if (synthetic.rowCount() == 0) {
            throw new BadInputException("empty-synthetic", "the synthetic data has no rows");
        }
        requireSameColumns(real, synthetic, "synthetic");
        if (holdout != null) {
            requireSameColumns(real, holdout, "holdout");
            if (holdout.rowCount() == 0) {
                throw new BadInputException("empty-holdout", "the holdout data has no rows");
            }
        }
        for (String name : sdtypes.keySet()) {
            if (real.schema().indexOf(name).isEmpty()) {
                throw new BadInputException("unknown-column", "the metadata names column '" + name
                        + "' which the data does not have; columns are " + real.schema().names());
            }
        }
        List<EvalColumn> columns = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<double[]> rv = new ArrayList<>(), sv = new ArrayList<>(), hv = new ArrayList<>();
        List<int[]> rc = new ArrayList<>(), sc = new ArrayList<>(), hc = new ArrayList<>();
        for (Column r : real.columns()) {
            Optional<SdType> type = sdtypes.containsKey(r.name()) ? Optional.ofNullable(sdtypes.get(r.name()))
                    : SdType.forColumnType(r.type());
            if (type.isEmpty()) {
                skipped.add(r.name());
                continue;
            }
            Column s = synthetic.column(r.name());
            Column h = holdout == null ? null : holdout.column(r.name());
            if (type.get().isContinuous()) {
                rv.add(continuous(r, "real"));
                sv.add(continuous(s, "synthetic"));
                hv.add(h == null ? null : continuous(h, "holdout"));
                rc.add(null);
                sc.add(null);
                hc.add(null);
                columns.add(new EvalColumn(columns.size(), r.name(), type.get(), List.of()));
            } else {
                Map<String, Integer> dictionary = new HashMap<>();
                List<String> categories = new ArrayList<>();
                rc.add(encode(r, dictionary, categories));
                sc.add(encode(s, dictionary, categories));
                hc.add(h == null ? null : encode(h, dictionary, categories));
                rv.add(null);
                sv.add(null);
                hv.add(null);
                columns.add(new EvalColumn(columns.size(), r.name(), type.get(), categories));
            }
        }
        if (columns.isEmpty()) {
            throw new BadInputException("nothing-to-evaluate", "no column can be evaluated: columns " + skipped
                    + " are free text or identifiers");
        }
        Frame realFrame = new Frame(real.rowCount(), rv.toArray(double[][]::new), rc.toArray(int[][]::new));
        Frame synFrame = new Frame(synthetic.rowCount(), sv.toArray(double[][]::new), sc.toArray(int[][]::new));
        Frame holdFrame = holdout == null ? null
                : new Frame(holdout.rowCount(), hv.toArray(double[][]::new), hc.toArray(int[][]::new));
        return new EvalData(columns, skipped, realFrame, synFrame, holdFrame);
    }

    private static void requireSameColumns(Table real, Table other, String what) {
        List<String> expected = real.schema().names();
        List<String> actual = other.schema().names();
        if (new LinkedHashSet<>(expected).equals(new LinkedHashSet<>(actual))) {
            return;
        }
        Set<String> missing = new LinkedHashSet<>(expected);
        actual.forEach(missing::remove);
        Set<String> extra = new LinkedHashSet<>(actual);
        expected.forEach(extra::remove);
        StringBuilder m = new StringBuilder("the " + what + " data does not have the real data's columns:");
        if (!missing.isEmpty()) {
            m.append(" missing ").append(missing);
        }
        if (!extra.isEmpty()) {
            m.append(missing.isEmpty() ? "" : ",").append(" unexpected ").append(extra);
        }
        throw new BadInputException("column-mismatch", m.toString()).detail("missing", List.copyOf(missing))
                .detail("unexpected", List.copyOf(extra));
    }

    private static double[] continuous(Column c, String what) {
        if (!(c instanceof NumericColumn n)) {
            throw new BadInputException("type-mismatch", "column '" + c.name() + "' is numeric in the real data but "
                    + c.type() + " in the " + what + " data");
        }
        if (c.type() != ColumnType.DATETIME) {
            return n.values();
        }
        double[] v = n.values();
        double[] nanos = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            nanos[i] = v[i] * NANOS_PER_MILLI;
        }
        return nanos;
    }

    private static int[] encode(Column c, Map<String, Integer> dictionary, List<String> categories) {
        int[] out = new int[c.size()];
        if (c instanceof CategoricalColumn cat) {
            int[] local = new int[cat.cardinality()];
            for (int k = 0; k < local.length; k++) {
                local[k] = code(cat.categories().get(k), dictionary, categories);
            }
            int[] codes = cat.codes();
            for (int i = 0; i < out.length; i++) {
                out[i] = codes[i] < 0 ? Frame.MISSING : local[codes[i]];
            }
            return out;
        }
        for (int i = 0; i < out.length; i++) {
            String t = c.text(i);
            out[i] = t == null ? Frame.MISSING : code(t, dictionary, categories);
        }
        return out;
    }

    private static int code(String value, Map<String, Integer> dictionary, List<String> categories) {
        Integer code = dictionary.get(value);
        if (code == null) {
            code = categories.size();
            dictionary.put(value, code);
            categories.add(value);
        }
        return code;
    }

    public List<EvalColumn> columns() {
        return columns;
    }

    /** Columns of the input that are not evaluated (free text, identifiers), as SDMetrics skips them. */
    public List<String> skippedColumns() {
        return skippedColumns;
    }

    public EvalColumn column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new BadInputException("unknown-column", "no evaluated column named '" + name
                        + "'; evaluated columns are " + columns.stream().map(EvalColumn::name).toList()));
    }

    public Optional<EvalColumn> findColumn(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Frame real() {
        return real;
    }

    public Frame synthetic() {
        return synthetic;
    }

    public Optional<Frame> holdout() {
        return Optional.ofNullable(holdout);
    }
}
