package io.synthline.governance.engine.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * Which entry must precede an event in its tenant's chain. Events of different topics reach the
 * audit consumer in no guaranteed order (an evaluations partition may be read before the generations
 * partition that caused it), so an event whose cause is not yet in the chain waits for it: the
 * chain then reads in the order things happened. Only causes that are certain are listed: the first
 * evaluation of a generation follows its generation.completed, a release decision follows the
 * evaluation it was made on.
 */
public final class CausalOrder {
    private CausalOrder() {
    }

    /** An entry of one of {@code eventTypes} about {@code subject}. */
    public record Cause(String subject, List<String> eventTypes) {
    }

    public static Optional<Cause> causeOf(AuditRecord record) {
        JsonNode data = record.data();
        return switch (record.eventType()) {
            case "evaluation.completed", "evaluation.failed" -> text(data, "requestId") != null || text(data, "generationId") == null
                    ? Optional.empty()
                    : Optional.of(new Cause("generations/" + text(data, "generationId"), List.of("generation.completed")));
            case "release.approved", "release.quarantined" -> text(data, "evaluationId") == null ? Optional.empty()
                    : Optional.of(new Cause("evaluations/" + text(data, "evaluationId"),
                            List.of("evaluation.completed", "evaluation.failed")));
            default -> Optional.empty();
        };
    }

    private static String text(JsonNode data, String field) {
        return data == null || !data.hasNonNull(field) ? null : data.get(field).asText();
    }
}
