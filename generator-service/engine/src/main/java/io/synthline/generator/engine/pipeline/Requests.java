package io.synthline.generator.engine.pipeline;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.ConditionSpec;
import io.synthline.commons.api.GenerationRequest;
import io.synthline.commons.profile.PiiFinding;
import io.synthline.generator.engine.generation.GenerationSettings;
import io.synthline.generator.engine.model.ColumnDomain;
import io.synthline.generator.engine.model.ModelDomain;
import io.synthline.generator.engine.pii.ProfilePii;
import io.synthline.commons.api.RebalanceSpec;
import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.Column;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.commons.table.TableSchema;
import io.synthline.generator.engine.constraint.Layout;
import io.synthline.generator.engine.sampling.Conditions;
import io.synthline.generator.engine.synthesis.ModelSpec;
import io.synthline.generator.engine.synthesis.Synthesizers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one mapping from a {@link GenerationRequest} (API body, CLI options, spec file) to what
 * the engine runs: the fit-time {@link ModelSpec} and the sampling {@link GenerationSettings}.
 */
public final class Requests {
    public static final String CSV = "csv";
    public static final String PARQUET = "parquet";

    private Requests() {
    }

    /**
     * @param profilePii what the dataset's profile flags as PII: every flagged column is replaced
     *                   (kind and locale as detected); the request's own PII settings win for the
     *                   columns and the locale they name
     */
    public static ModelSpec modelSpec(GenerationRequest request, List<PiiFinding> profilePii) {
        Map<String, String> pii = new LinkedHashMap<>(ProfilePii.columns(profilePii));
        String locale = ProfilePii.locale(profilePii);
        if (request.pii() != null) {
            if (request.pii().columns() != null) {
                request.pii().columns().forEach((k, v) -> pii.put(k, v == null ? "" : v));
            }
            if (request.pii().locale() != null) {
                locale = request.pii().locale();
            }
        }
        return new ModelSpec(request.model(), request.modelOptions(), request.constraints(), pii, locale, request.privacy(),
                request.holdout());
    }

    public static GenerationSettings settings(GenerationRequest request, long seed, int threads) {
        if (request.rows() == null) {
            throw new BadInputException("invalid-rows", "rows is required");
        }
        boolean provenance = request.output() != null && Boolean.TRUE.equals(request.output().provenanceColumns());
        boolean exclude = copyExclusion(request);
        return new GenerationSettings(request.rows(), seed, 0, request.conditions(), request.rebalance(), provenance, exclude, threads);
    }

    /**
     * Whether rows equal to a training row are redrawn: by default yes, except for the
     * differentially private models. Redrawing reads the raw training rows at sample time,
     * outside the privacy accounting, so a DP model never does it, and asking for it explicitly
     * is refused rather than silently weakening (or ignoring) the guarantee.
     */
    public static boolean copyExclusion(GenerationRequest request) {
        if (Synthesizers.isPrivate(request.model())) {
            if (Boolean.TRUE.equals(request.excludeTrainingCopies())) {
                throw new BadInputException("dp-copy-exclusion", "model '" + request.model() + "' is differentially private: redrawing rows"
                        + " equal to a training row would read the raw rows after fitting, outside the (epsilon, delta) guarantee;"
                        + " DP models never do it (the noise already bounds what any one row can reveal), so leave excludeTrainingCopies unset or false");
            }
            return false;
        }
        return request.excludeTrainingCopies() == null || request.excludeTrainingCopies();
    }

    /** {@code csv} or {@code parquet}; anything else is a 400. */
    public static String format(GenerationRequest request) {
        String f = request.output() == null || request.output().format() == null ? CSV
                : request.output().format().strip().toLowerCase(Locale.ROOT);
        if (!f.equals(CSV) && !f.equals(PARQUET)) {
            throw new BadInputException("invalid-format", "output format must be csv or parquet, got '" + request.output().format() + "'");
        }
        return f;
    }

    /**
     * Everything about a request that can be checked against the dataset's schema alone, so that
     * a bad request is a 400 at the API instead of a failed job: rows, model and options, output
     * format, constraints and PII settings (unknown columns, wrong types, contradictions, bad
     * regular expressions), the shape of conditions and rebalancing. Category values are only
     * known once the data is read; an unknown one fails the job with the same clear message.
     */
    public static void validate(GenerationRequest request, TableSchema schema, List<PiiFinding> profilePii, long maxRows) {
        if (request.rows() == null) {
            throw new BadInputException("invalid-rows", "rows is required");
        }
        if (request.rows() < 1 || request.rows() > maxRows) {
            throw new BadInputException("invalid-rows", "rows must be between 1 and " + maxRows + ", got " + request.rows());
        }
        format(request);
        ModelSpec spec = modelSpec(request, profilePii);
        Synthesizers.create(spec, 1);
        copyExclusion(request);
        if (schema == null) {
            return;
        }
        Table empty = emptyTable(schema);
        Layout layout = Layout.fit(empty, spec.constraints(), spec.piiColumns(), spec.piiLocale(), 0,
                Synthesizers.isPrivate(spec.model())).layout();
        ModelDomain output = layout.output();
        for (ConditionSpec c : request.conditions() == null ? List.<ConditionSpec>of() : request.conditions()) {
            if (c == null || c.column() == null || c.column().isBlank()) {
                throw new BadInputException("invalid-condition", "every condition needs a column");
            }
            int column = output.require(c.column(), "a condition");
            if (layout.isGenerated(column)) {
                throw new BadInputException("invalid-condition", "column '" + c.column()
                        + "' is generated (PII, format or key), so it cannot be conditioned on");
            }
            ColumnDomain d = output.column(column);
            boolean numeric = !d.isCategorical();
            if (numeric || c.min() != null || c.max() != null) {
                Conditions.resolve(output, List.of(c));
            } else {
                int given = (c.equals() != null ? 1 : 0) + (c.in() != null ? 1 : 0);
                if (given != 1) {
                    throw new BadInputException("invalid-condition", "the condition on column '" + c.column()
                            + "' must give exactly one of equals, in, or min/max");
                }
            }
        }
        RebalanceSpec rebalance = request.rebalance();
        if (rebalance != null) {
            if (rebalance.column() == null) {
                throw new BadInputException("invalid-rebalance", "rebalance needs a column");
            }
            ColumnDomain d = output.column(output.require(rebalance.column(), "rebalance"));
            if (!d.isCategorical()) {
                throw new BadInputException("invalid-rebalance", "rebalance needs a categorical column; '" + d.name() + "' is " + d.schema().type());
            }
            if ((rebalance.target() == null) == (rebalance.multiply() == null)) {
                throw new BadInputException("invalid-rebalance", "rebalance needs exactly one of 'target' (shares) or 'multiply' (factors)");
            }
            Map<String, Double> weights = rebalance.target() != null ? rebalance.target() : rebalance.multiply();
            for (Map.Entry<String, Double> e : weights.entrySet()) {
                if (e.getValue() == null || !(e.getValue() >= 0) || Double.isInfinite(e.getValue())) {
                    throw new BadInputException("invalid-rebalance", "the rebalancing weight of '" + e.getKey() + "' must be a finite number >= 0");
                }
            }
        }
    }

    private static Table emptyTable(TableSchema schema) {
        List<Column> columns = new ArrayList<>();
        for (ColumnSchema c : schema.columns()) {
            columns.add(c.type().isNumeric() ? new NumericColumn(c, new double[0]) : new CategoricalColumn(c, new int[0], List.of()));
        }
        return new Table(columns);
    }
}
