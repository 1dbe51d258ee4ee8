package io.synthline.generator.engine.constraint;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.ConstraintSpec;
import io.synthline.commons.api.DeclaredColumn;
import io.synthline.commons.api.ReplacedColumn;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.model.ColumnDomain;
import io.synthline.generator.engine.model.ModelDomain;
import io.synthline.generator.engine.sampling.ColumnCondition;
import io.synthline.generator.engine.sampling.Condition;
import io.synthline.generator.engine.sampling.ImpossibleConditionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * How output columns relate to the columns a model learns, decided once at fit time from the
 * constraints and the PII settings:
 * <ul>
 * <li>most columns are learned as they are;</li>
 * <li>columns under a fixed-combinations constraint are learned as one categorical column whose
 * values are the combinations seen in training, so only those are ever generated;</li>
 * <li>the high side of {@code low <= high} is learned as the difference to its low side(s)
 * (as SDV's Inequality does), so every generated row satisfies it exactly;</li>
 * <li>PII, formatted, key and identifier columns are generated, never learned; a date of birth's
 * year is learned as a column of its own and the day drawn within it;</li>
 * <li>range constraints become conditions, sampled exactly.</li>
 * </ul>
 * At sampling time it restores output rows from model rows ({@link #restore}) and carries
 * conditions on output columns over to the model's ({@link #toModel}). {@link LayoutFitter}
 * decides it, {@link LayoutStorage} stores it.
 */
public final class Layout {
    /** Prefix of the names of the columns a layout adds to the model table. */
    static final String HIDDEN = "__synth_";

    private final ModelDomain output;
    private final int[] copyFrom;
    private final List<Combo> combos;
    private final List<Derived> derived;
    private final List<GeneratedColumn> generated;
    private final Condition ranges;
    private final List<String> notes;

    /** A fixed combination: model column of combination codes, and per combination the parts' cells. */
    record Combo(int modelColumn, int[] outputs, double[][] parts) {
    }

    /** high = max(lows) + difference; {@code rawColumn} carries high where a low is missing (-1 if never). */
    record Derived(int high, int[] lows, boolean strict, int diffColumn, int rawColumn) {
    }

    /** The layout and the table the model is fitted on. */
    public record Fitted(Layout layout, Table modelTable) {
    }

    Layout(ModelDomain output, int[] copyFrom, List<Combo> combos, List<Derived> derived, List<GeneratedColumn> generated,
            Condition ranges, List<String> notes) {
        this.output = output;
        this.copyFrom = copyFrom;
        this.combos = combos;
        this.derived = derived;
        this.generated = generated;
        this.ranges = ranges;
        this.notes = notes;
    }

    public ModelDomain output() {
        return output;
    }

    public List<GeneratedColumn> generated() {
        return generated;
    }

    /** Range constraints as a condition on output columns. */
    public Condition ranges() {
        return ranges;
    }

    /** Facts worth telling the user about the training data and the constraints. */
    public List<String> notes() {
        return notes;
    }

    public boolean isGenerated(int column) {
        for (GeneratedColumn g : generated) {
            if (g.column() == column) {
                return true;
            }
        }
        return false;
    }

    /** The PII columns, with what the model learned of each (nothing, for most kinds). */
    public List<ReplacedColumn> replacedColumns() {
        List<ReplacedColumn> out = new ArrayList<>();
        for (GeneratedColumn g : generated) {
            if (g instanceof GeneratedColumn.Pii p) {
                out.add(new ReplacedColumn(output.column(p.column()).name(), p.pii().kind().id(),
                        p.modelColumn() >= 0 ? "year of birth" : null));
            }
        }
        return out;
    }

    /** Output columns whose values come from the model (the ones a copied row would repeat). */
    public int[] learnedColumns() {
        return IntStream.range(0, output.size()).filter(c -> !isGenerated(c)).toArray();
    }

    // ------------------------------------------------------------------------------------ fitting

    public static Fitted fit(Table training, List<ConstraintSpec> constraints, Map<String, String> piiColumns, String piiLocale,
            long seed) {
        return fit(training, constraints, piiColumns, piiLocale, seed, false);
    }

    /**
     * Decides the layout from the constraints and PII settings ({@link LayoutFitter}) and lays out
     * the table the model learns.
     *
     * @param publicOnly for differentially private models: learn nothing from the rows here
     *                   (everything the layout keeps would escape the privacy accounting). PII
     *                   columns are generated from their kind alone, keys count from 1, generated
     *                   columns keep no observed values, and constraints that are learned from the
     *                   rows (fixed combinations, inequalities) are refused. The learned columns'
     *                   domains come from the private model ({@link #withLearnedDomain}).
     */
    public static Fitted fit(Table training, List<ConstraintSpec> constraints, Map<String, String> piiColumns, String piiLocale,
            long seed, boolean publicOnly) {
        return LayoutFitter.fit(training, constraints, piiColumns, piiLocale, seed, publicOnly);
    }

    static String birthYearName(String column) {
        return HIDDEN + "birth_year_" + column;
    }

    /**
     * Public knowledge about the columns this layout adds for a model to learn, for differentially
     * private models (which must not read a domain off the data): a year of birth lies in 1900-2100.
     */
    public List<DeclaredColumn> publicDomain() {
        List<DeclaredColumn> out = new ArrayList<>();
        for (GeneratedColumn g : generated) {
            if (g instanceof GeneratedColumn.Pii p && p.modelColumn() >= 0) {
                out.add(new DeclaredColumn(birthYearName(output.column(p.column()).name()), ColumnType.INTEGER, null, 1900.0, 2100.0,
                        null, true));
            }
        }
        return out;
    }

    /**
     * This layout with the learned columns' domains replaced by the model's (for private models,
     * whose domains are declared or privately learned rather than observed). Only layouts that
     * copy learned columns one to one (no combinations, no inequalities) qualify.
     */
    public Layout withLearnedDomain(ModelDomain model) {
        if (!combos.isEmpty() || !derived.isEmpty()) {
            throw new IllegalStateException("only a one-to-one layout can take the model's domain");
        }
        List<ColumnDomain> columns = new ArrayList<>(output.columns());
        for (int c = 0; c < copyFrom.length; c++) {
            if (copyFrom[c] >= 0) {
                columns.set(c, model.column(copyFrom[c]));
            }
        }
        return new Layout(new ModelDomain(columns), copyFrom, combos, derived, generated, ranges, notes);
    }

    // ------------------------------------------------------------------------------------ sampling

    /** Output cells (learned columns) from a model row; generated columns are left to the caller. */
    public void restore(double[] model, double[] out) {
        for (int c = 0; c < copyFrom.length; c++) {
            if (copyFrom[c] >= 0) {
                out[c] = model[copyFrom[c]];
            }
        }
        for (Combo combo : combos) {
            double code = model[combo.modelColumn];
            for (int k = 0; k < combo.outputs.length; k++) {
                out[combo.outputs[k]] = Double.isNaN(code) ? Double.NaN : combo.parts[(int) code][k];
            }
        }
        for (Derived d : derived) {
            double lowMax = Double.NEGATIVE_INFINITY;
            boolean lowMissing = false;
            for (int low : d.lows) {
                double v = out[low];
                if (Double.isNaN(v)) {
                    lowMissing = true;
                } else {
                    lowMax = Math.max(lowMax, v);
                }
            }
            ColumnDomain domain = output.column(d.high);
            if (lowMissing) {
                out[d.high] = d.rawColumn >= 0 ? domain.conform(model[d.rawColumn]) : Double.NaN;
                continue;
            }
            double diff = model[d.diffColumn];
            if (Double.isNaN(diff)) {
                out[d.high] = Double.NaN;
                continue;
            }
            double v = lowMax + Math.max(0, diff);
            double high = domain.conform(v);
            if (high < lowMax || (d.strict && high <= lowMax)) {
                high = above(lowMax, domain.resolution(), d.strict);
            }
            out[d.high] = high;
        }
    }

    private static double above(double lowMax, double resolution, boolean strict) {
        if (resolution <= 0) {
            return strict ? Math.nextUp(lowMax) : lowMax;
        }
        double steps = Math.ceil(lowMax / resolution - 1e-9);
        double v = steps * resolution;
        if (strict && v <= lowMax) {
            v += resolution;
        }
        return v;
    }

    /** The same condition on the model's columns. */
    public Condition toModel(Condition onOutput) {
        List<ColumnCondition> result = new ArrayList<>();
        Map<Combo, List<ColumnCondition>> byCombo = new LinkedHashMap<>();
        for (ColumnCondition p : onOutput.predicates()) {
            int c = p.column();
            String name = output.column(c).name();
            if (isGenerated(c)) {
                throw new BadInputException("invalid-condition", "column '" + name
                        + "' is generated (PII, format or key), so it cannot be conditioned on");
            }
            if (copyFrom[c] >= 0) {
                result.add(rebind(p, copyFrom[c]));
                continue;
            }
            Combo combo = combos.stream().filter(k -> Arrays.stream(k.outputs).anyMatch(o -> o == c)).findFirst().orElse(null);
            if (combo != null) {
                byCombo.computeIfAbsent(combo, k -> new ArrayList<>()).add(p);
                continue;
            }
            throw new BadInputException("invalid-condition", "column '" + name
                    + "' is derived by an inequality constraint, so it cannot be conditioned on; condition on its low side instead");
        }
        for (Map.Entry<Combo, List<ColumnCondition>> e : byCombo.entrySet()) {
            Combo combo = e.getKey();
            List<Double> allowed = new ArrayList<>();
            for (int id = 0; id < combo.parts.length; id++) {
                boolean ok = true;
                for (ColumnCondition p : e.getValue()) {
                    int k = indexOf(combo.outputs, p.column());
                    ok &= p.test(combo.parts[id][k]);
                }
                if (ok) {
                    allowed.add((double) id);
                }
            }
            if (allowed.isEmpty()) {
                throw new ImpossibleConditionException(
                        "no combination of " + combo.outputs.length + " columns seen in training satisfies the condition");
            }
            result.add(new ColumnCondition.OneOf(combo.modelColumn, allowed.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return new Condition(result);
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static ColumnCondition rebind(ColumnCondition p, int column) {
        return switch (p) {
            case ColumnCondition.OneOf o -> new ColumnCondition.OneOf(column, o.cells());
            case ColumnCondition.Between b -> new ColumnCondition.Between(column, b.min(), b.max());
        };
    }

    // ------------------------------------------------------------------------------------ storage

    int[] copyFrom() {
        return copyFrom;
    }

    List<Combo> combos() {
        return combos;
    }

    List<Derived> derived() {
        return derived;
    }
}
