package io.synthline.commons.api;

import java.util.List;
import java.util.Map;

/**
 * What a client asks the generator for. Tenant and actor come from the caller's token, never
 * from here. Every block after {@code model} is optional.
 *
 * @param model                 defaults to {@code tree} (the default model that passes the privacy checks) when null
 * @param seed                  defaults to a random seed (recorded, so the run stays reproducible) when null
 * @param modelOptions          hyper-parameters of the model by name (e.g. tree {@code minLeaf})
 * @param conditions            every row satisfies all of them (exact conditional sampling)
 * @param rebalance             a target distribution for one column
 * @param constraints           rules every row satisfies
 * @param pii                   columns replaced by fake values (in addition to those the profile flags)
 * @param output                file format and provenance columns
 * @param excludeTrainingCopies drop (and redraw) rows identical to a training row; default true, except for
 *                              differentially private models, which never read the training rows after fitting
 * @param modelId               reuse a stored fitted model instead of fitting again
 * @param privacy               for differentially private models: (epsilon, delta) and the public domain
 * @param holdout               share of the real rows (0 to 0.5) kept away from fitting so the evaluator can
 *                              measure privacy risk and ML utility on rows the model never saw; the service's
 *                              default (0.2) when null, 0 for none. Ignored when {@code modelId} names a stored model
 *                              (its own split stands)
 * @param purpose               why the data is generated, in the requester's words; governance keeps it with the run
 *                              and the audit trail shows it (at most {@value #MAX_PURPOSE_LENGTH} characters)
 * @param scale                 for a dataset of several tables: root-table rows as a multiple of the real ones (1 when null;
 *                              children follow their generated parents); {@code rows} is not used there
 * @param maxChildren           for a dataset of several tables with a differentially private model: the public bound on
 *                              child rows learned per parent and child table (user-level privacy; 5 when null)
 */
public record GenerationRequest(String datasetId, Long rows, Long seed, String model, Map<String, String> modelOptions,
        List<ConditionSpec> conditions, RebalanceSpec rebalance, List<ConstraintSpec> constraints, PiiSpec pii,
        OutputSpec output, Boolean excludeTrainingCopies, String modelId, PrivacySpec privacy, Double holdout, String purpose,
        Double scale, Integer maxChildren) {
    public static final int MAX_PURPOSE_LENGTH = 500;

    public GenerationRequest(String datasetId, Long rows, Long seed, String model, Map<String, String> modelOptions,
            List<ConditionSpec> conditions, RebalanceSpec rebalance, List<ConstraintSpec> constraints, PiiSpec pii,
            OutputSpec output, Boolean excludeTrainingCopies, String modelId, PrivacySpec privacy, Double holdout, String purpose) {
        this(datasetId, rows, seed, model, modelOptions, conditions, rebalance, constraints, pii, output, excludeTrainingCopies,
                modelId, privacy, holdout, purpose, null, null);
    }

    public GenerationRequest(String datasetId, Long rows, Long seed, String model, Map<String, String> modelOptions,
            List<ConditionSpec> conditions, RebalanceSpec rebalance, List<ConstraintSpec> constraints, PiiSpec pii,
            OutputSpec output, Boolean excludeTrainingCopies, String modelId, PrivacySpec privacy, Double holdout) {
        this(datasetId, rows, seed, model, modelOptions, conditions, rebalance, constraints, pii, output, excludeTrainingCopies,
                modelId, privacy, holdout, null);
    }

    public GenerationRequest(String datasetId, Long rows, Long seed, String model, Map<String, String> modelOptions,
            List<ConditionSpec> conditions, RebalanceSpec rebalance, List<ConstraintSpec> constraints, PiiSpec pii,
            OutputSpec output, Boolean excludeTrainingCopies, String modelId, PrivacySpec privacy) {
        this(datasetId, rows, seed, model, modelOptions, conditions, rebalance, constraints, pii, output, excludeTrainingCopies,
                modelId, privacy, null);
    }

    public GenerationRequest(String datasetId, Long rows, Long seed, String model, Map<String, String> modelOptions,
            List<ConditionSpec> conditions, RebalanceSpec rebalance, List<ConstraintSpec> constraints, PiiSpec pii,
            OutputSpec output, Boolean excludeTrainingCopies, String modelId) {
        this(datasetId, rows, seed, model, modelOptions, conditions, rebalance, constraints, pii, output, excludeTrainingCopies,
                modelId, null);
    }

    public GenerationRequest(String datasetId, Long rows, Long seed, String model) {
        this(datasetId, rows, seed, model, null, null, null, null, null, null, null, null, null, null);
    }

    /** The same request with another privacy block. */
    public GenerationRequest withPrivacy(PrivacySpec p) {
        return new GenerationRequest(datasetId, rows, seed, model, modelOptions, conditions, rebalance, constraints, pii, output,
                excludeTrainingCopies, modelId, p, holdout, purpose, scale, maxChildren);
    }

    /** The same request with {@code holdout} set to {@code share} where the client left it out. */
    public GenerationRequest withDefaultHoldout(double share) {
        return holdout != null ? this : new GenerationRequest(datasetId, rows, seed, model, modelOptions, conditions, rebalance,
                constraints, pii, output, excludeTrainingCopies, modelId, privacy, share, purpose, scale, maxChildren);
    }

    /** The same request for another dataset (the CLI fills in the dataset it uploaded or reused). */
    public GenerationRequest forDataset(String id) {
        return new GenerationRequest(id, rows, seed, model, modelOptions, conditions, rebalance, constraints, pii, output,
                excludeTrainingCopies, modelId, privacy, holdout, purpose, scale, maxChildren);
    }

    /** The same request for a dataset of several tables, at {@code scale} with at most {@code maxChildren} per parent (DP). */
    public GenerationRequest forTables(Double scale, Integer maxChildren) {
        return new GenerationRequest(datasetId, rows, seed, model, modelOptions, conditions, rebalance, constraints, pii, output,
                excludeTrainingCopies, modelId, privacy, holdout, purpose, scale, maxChildren);
    }
}
