package io.synthline.commons.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A generation as governance sees it: the request, the policy decision, the run's outcome and the
 * release decision.
 *
 * @param status        {@code AWAITING_DATASET}, {@code PENDING_APPROVAL}, {@code APPROVED}, {@code REFUSED},
 *                      {@code COMPLETED} or {@code FAILED}
 * @param releaseStatus {@code NONE} (not evaluated yet), {@code APPROVED}, {@code QUARANTINED} or {@code OVERRIDDEN}
 * @param releaseWaiting why a completed output has no release decision yet ("evaluation pending", "evaluator
 *                       unavailable"); null when nothing waits
 */
public record GovernedGenerationView(String id, String datasetId, String datasetName, String classification,
        String requestedBy, String model, Long rows, Double epsilon, Double delta, Boolean piiReplaced, String purpose,
        String status, String decisionReason, List<String> violations, String decidedBy, Instant decidedAt,
        Instant requestedAt, Instant completedAt, String outputSha256, JsonNode privacySpent, String failureReason,
        String releaseStatus, String releaseReason, JsonNode releaseChecks, String releasedBy, Instant releasedAt,
        String evaluationId, JsonNode scores, Long seed, String releaseWaiting) {
}
