package io.synthline.generator.engine.generation;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.RebalanceSpec;
import io.synthline.commons.hash.Sha256;
import io.synthline.commons.json.Json;
import io.synthline.generator.engine.constraint.GeneratedColumn;
import io.synthline.generator.engine.constraint.Layout;
import io.synthline.generator.engine.model.ColumnDomain;
import io.synthline.generator.engine.model.FittedModel;
import io.synthline.generator.engine.model.ModelDomain;
import io.synthline.generator.engine.output.CsvRowEncoder;
import io.synthline.generator.engine.sampling.ColumnCondition;
import io.synthline.generator.engine.sampling.Condition;
import io.synthline.generator.engine.sampling.ConditionalSampling;
import io.synthline.generator.engine.sampling.Conditions;
import io.synthline.generator.engine.sampling.ImpossibleConditionException;
import io.synthline.generator.engine.sampling.Rebalanced;
import io.synthline.generator.engine.synthesis.SynthesisModel;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sampling run of a {@link SynthesisModel}, planned: the settings checked against the model,
 * conditions, rebalancing and range constraints resolved to an exact conditional sampler, and a
 * run id derived from the inputs. {@link #writeCsv} then streams the rows: restored to the output
 * columns (constraints hold by construction), generated and PII columns filled, rows identical
 * to a training row redrawn ({@link RowProducer}), in blocks produced on several threads but
 * written in row order ({@link OrderedBlockWriter}). Every row comes from its own random stream,
 * so the bytes depend on the model, the settings and the seed only.
 */
public final class Generation {
    public static final int BLOCK_ROWS = 4096;
    /** Draws of one row before giving up on it (only tiny domains where every row is a training row get there). */
    public static final int MAX_ATTEMPTS = 32;

    /** Progress and cancellation, called between blocks on the writing thread. */
    public interface Listener {
        default void progress(long rowsDone, long rowsTotal) {
        }

        default boolean cancelled() {
            return false;
        }
    }

    public static final Listener SILENT = new Listener() {
    };

    /** Raised between blocks when the listener says the run was cancelled; nothing after the last block is written. */
    public static final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("generation cancelled");
        }
    }

    /**
     * @param copiesRedrawn draws rejected because they equalled a training row on every learned column
     * @param rowsDropped   rows given up after {@link #MAX_ATTEMPTS} copies (not written)
     */
    public record Result(String runId, long rowsRequested, long rowsWritten, long copiesRedrawn, long rowsDropped, long bytes,
            String sha256) {
        /** Every requested row was dropped: an output of only a header is no result. */
        public boolean nothingProduced() {
            return rowsWritten == 0 && rowsRequested > 0;
        }

        /** Why nothing was produced and what to do about it. */
        public String nothingProducedMessage() {
            return "no synthetic row could be produced: every one of the " + rowsRequested + " rows was still identical to a real"
                    + " training row after " + MAX_ATTEMPTS + " draws (" + copiesRedrawn + " copies redrawn); the model reproduces its"
                    + " training data (too few rows, or a model that memorises them): fit on more rows, use a coarser model (e.g. a"
                    + " larger tree minLeaf), or allow copies explicitly";
        }
    }

    private final SynthesisModel model;
    private final GenerationSettings settings;
    private final FittedModel sampler;
    private final String runId;

    private Generation(SynthesisModel model, GenerationSettings settings, FittedModel sampler, String runId) {
        this.model = model;
        this.settings = settings;
        this.sampler = sampler;
        this.runId = runId;
    }

    /** Validates the settings against the model and builds the sampler; all user mistakes surface here. */
    public static Generation prepare(SynthesisModel model, GenerationSettings settings) {
        return prepare(model, settings, null);
    }

    /**
     * @param scope who the run is for (the platform passes the tenant): it enters the run id, so that the
     *              same inputs in two tenants never share an identifier (docs/security.md); null in the CLI
     */
    public static Generation prepare(SynthesisModel model, GenerationSettings settings, String scope) {
        if (model.isPrivate() && settings.excludeTrainingCopies()) {
            // A private model keeps no training rows to compare with (see Requests#copyExclusion): say so in the manifest.
            settings = settings.withCopyExclusion(false);
        }
        if (settings.excludeTrainingCopies() && !model.guard().present()) {
            throw new BadInputException("copy-guard-missing", "this stored model came without its copy guard (the sidecar kept with the"
                    + " training data that recognises copies of real rows), so copies could not be redrawn: give the guard, or allow"
                    + " copies explicitly");
        }
        if (settings.rows() < 0) {
            throw new BadInputException("invalid-rows", "rows must not be negative, got " + settings.rows());
        }
        if (settings.firstRow() < 0) {
            throw new BadInputException("invalid-rows", "the first row index must not be negative, got " + settings.firstRow());
        }
        Layout layout = model.layout();
        ModelDomain output = layout.output();
        for (GeneratedColumn g : layout.generated()) {
            if (g instanceof GeneratedColumn.Pattern p && p.unique() && settings.firstRow() + settings.rows() > p.pattern().size()) {
                throw new BadInputException("format-too-small", "column '" + output.column(p.column()).name() + "' must be unique but its format /"
                        + p.pattern().source() + "/ allows only " + p.pattern().size() + " values, fewer than the "
                        + (settings.firstRow() + settings.rows()) + " rows requested");
            }
        }
        for (var c : settings.conditions()) {
            if (c != null && c.column() != null && output.indexOf(c.column()).isPresent()
                    && layout.isGenerated(output.indexOf(c.column()).getAsInt())) {
                throw new BadInputException("invalid-condition", "column '" + c.column()
                        + "' is generated (PII, format or key), so it cannot be conditioned on");
            }
        }
        Condition onOutput = Conditions.and(output, Conditions.resolve(output, settings.conditions()), layout.ranges());
        Condition onModel = layout.toModel(onOutput);
        FittedModel base = model.base();
        FittedModel sampler;
        if (settings.rebalance() != null) {
            sampler = rebalanced(model, base, onModel, settings.rebalance());
        } else if (onModel.isEmpty()) {
            sampler = base;
        } else {
            sampler = conditional(base).given(onModel);
        }
        return new Generation(model, settings, sampler, runId(model, settings, scope));
    }

    private static ConditionalSampling conditional(FittedModel base) {
        if (base instanceof ConditionalSampling c) {
            return c;
        }
        throw new BadInputException("conditions-unsupported", "model '" + base.synthesizer() + "' cannot sample under conditions");
    }

    private static FittedModel rebalanced(SynthesisModel model, FittedModel base, Condition common, RebalanceSpec spec) {
        ModelDomain output = model.output();
        if (spec.column() == null) {
            throw new BadInputException("invalid-rebalance", "rebalance needs a column");
        }
        int column = output.require(spec.column(), "rebalance");
        ColumnDomain d = output.column(column);
        if (!d.isCategorical()) {
            throw new BadInputException("invalid-rebalance", "rebalance needs a categorical column; '" + d.name() + "' is " + d.schema().type());
        }
        if ((spec.target() == null) == (spec.multiply() == null)) {
            throw new BadInputException("invalid-rebalance", "rebalance needs exactly one of 'target' (shares) or 'multiply' (factors)");
        }
        ConditionalSampling conditional = conditional(base);
        Map<String, Double> named = spec.target() != null ? spec.target() : spec.multiply();
        Map<Double, Double> factors = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : named.entrySet()) {
            double cell = Conditions.cell(d, e.getKey());
            if (e.getValue() == null || !(e.getValue() >= 0) || Double.isInfinite(e.getValue())) {
                throw new BadInputException("invalid-rebalance", "the rebalancing weight of '" + e.getKey() + "' must be a finite number >= 0");
            }
            factors.put(cell, e.getValue());
        }
        List<Double> cells = new ArrayList<>();
        if (spec.target() != null) {
            cells.addAll(factors.keySet());
        } else {
            for (int k = 0; k < d.cardinality(); k++) {
                cells.add((double) k);
            }
            cells.add(Double.NaN);
        }
        List<ColumnCondition> classes = new ArrayList<>();
        double[] weights = new double[cells.size()];
        double commonP = spec.multiply() != null ? conditional.probability(common) : 1;
        for (int i = 0; i < cells.size(); i++) {
            double cell = cells.get(i);
            Condition one = model.layout().toModel(Condition.of(ColumnCondition.OneOf.of(column, cell)));
            ColumnCondition predicate = one.predicates().getFirst();
            if (common.on(predicate.column()) != null) {
                throw new BadInputException("invalid-rebalance", "column '" + d.name() + "' is both conditioned on and rebalanced");
            }
            classes.add(predicate);
            if (spec.target() != null) {
                weights[i] = factors.get(cell);
            } else {
                double p = commonP > 0 ? conditional.probability(common.and(predicate)) / commonP : 0;
                weights[i] = p * factors.getOrDefault(cell, 1.0);
            }
        }
        try {
            return new Rebalanced(base, common, classes, weights);
        } catch (ImpossibleConditionException e) {
            throw new ImpossibleConditionException("a value given a share in the rebalancing of '" + d.name()
                    + "' never occurs under the conditions: " + e.getMessage());
        }
    }

    /**
     * Content-derived, so the same inputs give the same run id (and the same {@code _synth_run} column);
     * within {@code scope} when there is one.
     */
    static String runId(SynthesisModel model, GenerationSettings s, String scope) {
        Map<String, Object> identity = new LinkedHashMap<>();
        if (scope != null) {
            identity.put("scope", scope);
        }
        identity.put("model", model.id());
        identity.put("seed", s.seed());
        identity.put("conditions", s.conditions());
        identity.put("rebalance", s.rebalance());
        identity.put("excludeTrainingCopies", s.excludeTrainingCopies());
        return "run-" + Sha256.hex(Json.write(identity)).substring(0, 20);
    }

    public String runId() {
        return runId;
    }

    public List<String> header() {
        return CsvRowEncoder.header(model.output(), settings.provenanceColumns());
    }

    /**
     * Writes the CSV (header included when the run starts at row 0 or always when asked) and returns
     * what was written: rows made on {@link GenerationSettings#threads()} threads
     * ({@link RowProducer}), written in row order ({@link OrderedBlockWriter}).
     */
    public Result writeCsv(OutputStream target, boolean header, Listener listener) {
        OrderedBlockWriter.Written written = OrderedBlockWriter.write(target,
                header ? CsvRowEncoder.headerBytes(model.output(), settings.provenanceColumns()) : null, settings.rows(),
                settings.threads(), () -> new RowProducer(model, settings, sampler, runId), listener);
        return new Result(runId, settings.rows(), written.rows(), written.copies(), written.dropped(), written.bytes(),
                written.sha256());
    }
}
