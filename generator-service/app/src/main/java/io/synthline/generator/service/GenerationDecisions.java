package io.synthline.generator.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.synthline.generator.repository.GenerationEntity;
import io.synthline.service.outbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Governance's decisions about generations, applied idempotently (inbox per event id), each in its own transaction. */
@ApplicationScoped
public class GenerationDecisions {
    static final String CONSUMER = "generator-decisions";

    /** A refused generation never runs. */
    public Uni<Void> refused(String eventId, UUID id, String reason, List<String> violations) {
        return apply(eventId, id, g -> {
            if (g.isFinished() || GenerationEntity.RUNNING.equals(g.status)) {
                return;
            }
            g.status = GenerationEntity.REFUSED;
            g.error = "refused by governance: " + reason + (violations == null || violations.isEmpty() ? "" : " " + violations);
            g.completedAt = Instant.now();
        });
    }

    public Uni<Void> pending(String eventId, UUID id) {
        return apply(eventId, id, g -> {
            if (GenerationEntity.REQUESTED.equals(g.status)) {
                g.status = GenerationEntity.PENDING_APPROVAL;
            }
        });
    }

    /** RELEASED, QUARANTINED or OVERRIDDEN; the latest decision wins (a re-evaluation may quarantine a release). */
    public Uni<Void> release(String eventId, UUID id, String status) {
        return apply(eventId, id, g -> g.releaseStatus = status);
    }

    private static Uni<Void> apply(String eventId, UUID id, java.util.function.Consumer<GenerationEntity> change) {
        return Panache.withTransaction(() -> Inbox.firstDelivery(CONSUMER, eventId).chain(first -> {
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
