package io.synthline.commons.api;

/**
 * The answer (202) of asking for a released output to be evaluated again.
 *
 * @param requestId the evaluation.requested event's request; the evaluation that answers it names it
 */
public record ReevaluationView(String requestId, String generationId) {
}
