package io.synthline.generator.service;

import io.smallrye.mutiny.Uni;
import io.synthline.generator.repository.GenerationEntity;
import io.synthline.service.outbox.Inbox;
import io.synthline.service.persistence.BlockingTx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Governance's decisions about generations, applied idempotently (inbox per event id). */
@ApplicationScoped
public class GenerationDecisions {
    static final String CONSUMER = "generator-decisions";

    /** Blocking. A refused generation never runs. */
    public void refused(String eventId, UUID id, String reason, List<String> violations) {
        apply(eventId, id, g -> {
            if (g.isFinished() || GenerationEntity.RUNNING.equals(g.status)) {
                return;
            }
            g.status = GenerationEntity.REFUSED;
            g.error = "refused by governance: " + reason + (violations == null || violations.isEmpty() ? "" : " " + violations);
            g.completedAt = Instant.now();
        });
    }

    public void pending(String eventId, UUID id) {
        apply(eventId, id, g -> {
            if (GenerationEntity.REQUESTED.equals(g.status)) {
                g.status = GenerationEntity.PENDING_APPROVAL;
            }
        });
    }

    /** RELEASED, QUARANTINED or OVERRIDDEN; the latest decision wins (a re-evaluation may quarantine a release). */
    public void release(String eventId, UUID id, String status) {
        apply(eventId, id, g -> g.releaseStatus = status);
    }

    private void apply(String eventId, UUID id, java.util.function.Consumer<GenerationEntity> change) {
        BlockingTx.inTransaction(() -> Inbox.firstDelivery(CONSUMER, eventId).chain(first -> {
            if (!first) {
                return Uni.createFrom().voidItem();
            }
            return GenerationEntity.<GenerationEntity>findById(id).invoke(g -> {
                if (g != null) {
                    change.accept(g);
                }
            }).replaceWithVoid();
        }));
    }
}
