package io.synthline.governance.engine.datacard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The documentation of one synthetic release, in the spirit of datasheets and model cards: how it
 * was made, what privacy it spent, how good and how fair it measured, what it is for and not for,
 * and how long its source may be kept. Rendered as Markdown, HTML or JSON by {@link DataCardRenderer}.
 */
public record DataCard(
        String title,
        String generationId,
        Source source,
        Method method,
        Privacy privacy,
        Map<String, Double> scores,
        List<String> fairnessFindings,
        Release release,
        String intendedUse,
        List<String> limitations,
        Retention retention,
        Instant generatedAt) {

    /** @param tables the source's tables when it is made of several (empty for one table) */
    public record Source(String datasetId, String name, String sha256, Long rows, String classification, String owner,
            String legalBasis, List<io.synthline.commons.events.Payloads.TableSummary> tables) {
        public Source {
            tables = tables == null ? List.of() : List.copyOf(tables);
        }

        public Source(String datasetId, String name, String sha256, Long rows, String classification, String owner, String legalBasis) {
            this(datasetId, name, sha256, rows, classification, owner, legalBasis, null);
        }
    }

    /**
     * @param outputSha256 SHA-256 of the released synthetic file (of a run on several tables: of the index naming its tables)
     * @param tables       every table a run on several tables wrote, with rows and SHA-256; null for one table
     */
    public record Method(String model, Long rows, Long seed, String requestedBy, Instant completedAt, String outputSha256,
            List<io.synthline.commons.events.Payloads.GeneratedTable> tables) {
        public Method {
            tables = tables == null || tables.isEmpty() ? null : List.copyOf(tables);
        }

        public Method(String model, Long rows, Long seed, String requestedBy, Instant completedAt, String outputSha256) {
            this(model, rows, seed, requestedBy, completedAt, outputSha256, null);
        }
    }

    /**
     * @param epsilonSpent what this run was charged; null for a non-DP model
     * @param datasetEpsilonRemaining what the source's budget has left after it; null when uncapped
     */
    public record Privacy(boolean differentiallyPrivate, Double epsilonSpent, Double deltaSpent, Double rho, List<String> mechanisms,
            Double datasetEpsilonSpent, Double datasetEpsilonRemaining, boolean piiReplaced) {
    }

    public record Release(String status, String reason, String decidedBy, Instant decidedAt) {
    }

    public record Retention(String period, Instant sourceRetainedUntil) {
    }

    /** Limitations that follow from the facts; the card states them instead of leaving them to be discovered. */
    public static List<String> limitationsOf(Method m, Privacy p, Map<String, Double> scores, Release r) {
        List<String> out = new ArrayList<>();
        if ("independent".equals(m.model())) {
            out.add("The independent-marginals model reproduces each column's distribution but no relationship between columns; "
                    + "do not use it to study correlations or train models that depend on them.");
        }
        if (!p.differentiallyPrivate()) {
            out.add("Not differentially private: privacy rests on the evaluation's attack results, not on a mathematical guarantee.");
        }
        if (!p.piiReplaced()) {
            out.add("Columns flagged as personal data were not all replaced by synthetic values.");
        }
        if (scores == null || !scores.containsKey("privacyRisk")) {
            out.add("Privacy attacks were not measured for this release.");
        }
        if (scores == null || !scores.containsKey("fairnessGap")) {
            out.add("Fairness across protected groups was not measured for this release.");
        }
        if (r != null && "OVERRIDDEN".equals(r.status())) {
            out.add("Released by a data owner's override of the release gate: " + r.reason());
        }
        out.add("Synthetic rows are not real people or events; aggregate conclusions should be confirmed on real data before "
                + "decisions that affect individuals.");
        return List.copyOf(out);
    }
}
