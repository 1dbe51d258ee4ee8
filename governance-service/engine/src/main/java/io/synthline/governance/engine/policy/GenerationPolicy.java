package io.synthline.governance.engine.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides a generation request against its dataset's policy (before the budget is consulted: a
 * request the policy refuses never reserves anything).
 */
public final class GenerationPolicy {
    private GenerationPolicy() {
    }

    /**
     * The facts a decision needs.
     *
     * @param epsilon          null when the model is not differentially private
     * @param requesterHasGrant an active access grant of the dataset's owner to the requester
     * @param retainUntil      end of the dataset's retention, null = indefinite
     */
    public record Request(Classification classification, String requester, String datasetOwner, Double epsilon, Double delta,
            Boolean piiReplaced, boolean requesterHasGrant, boolean datasetDeleted, Instant retainUntil, Instant now) {
    }

    public sealed interface Decision permits Approve, Refuse, AwaitOwner {
    }

    public record Approve(String reason) implements Decision {
    }

    public record Refuse(List<String> violations, String reason) implements Decision {
    }

    public record AwaitOwner(String reason) implements Decision {
    }

    public static Decision decide(Request r, ClassificationPolicy policy) {
        String cls = r.classification().wireName();
        // an expired retention is the more useful reason: it is why the deletion was requested
        if (r.retainUntil() != null && !r.now().isBefore(r.retainUntil())) {
            return new Refuse(List.of("retention-expired"), "the dataset's retention period ended at " + r.retainUntil());
        }
        if (r.datasetDeleted()) {
            return new Refuse(List.of("dataset-deleted"), "the dataset is deleted or its deletion was requested");
        }
        List<String> violations = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        if (policy.dpRequired() && r.epsilon() == null) {
            violations.add("dp-required");
            reasons.add(cls + " data may only be synthesised with a differentially private model (give privacy.epsilon)");
        }
        if (r.epsilon() != null && policy.maxEpsilon() != null && r.epsilon() > policy.maxEpsilon()) {
            violations.add("epsilon-above-max");
            reasons.add("epsilon " + r.epsilon() + " exceeds the maximum " + policy.maxEpsilon() + " for " + cls + " data");
        }
        if (r.epsilon() != null && policy.maxDelta() != null && r.delta() != null && r.delta() > policy.maxDelta()) {
            violations.add("delta-above-max");
            reasons.add("delta " + r.delta() + " exceeds the maximum " + policy.maxDelta() + " for " + cls + " data");
        }
        if (policy.piiReplaced() && !Boolean.TRUE.equals(r.piiReplaced())) {
            violations.add("pii-not-replaced");
            reasons.add(cls + " data requires every PII column to be replaced (piiReplaced)");
        }
        if (!violations.isEmpty()) {
            return new Refuse(List.copyOf(violations), String.join("; ", reasons));
        }
        boolean owner = r.requester() != null && r.requester().equals(r.datasetOwner());
        return switch (policy.ownerApproval()) {
            case NEVER -> new Approve("the " + cls + " policy approves automatically");
            case UNLESS_GRANTED -> owner || r.requesterHasGrant()
                    ? new Approve("the " + cls + " policy approves requests of the owner or of grantees")
                    : new AwaitOwner(cls + " data: the requester holds no access grant, the data owner must approve");
            case ALWAYS -> new AwaitOwner(cls + " data: every generation needs the data owner's approval");
        };
    }
}
