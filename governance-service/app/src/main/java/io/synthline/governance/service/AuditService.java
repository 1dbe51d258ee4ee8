package io.synthline.governance.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.AuditEntryView;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.json.Json;
import io.synthline.governance.engine.audit.AuditRecord;
import io.synthline.governance.repository.AuditEntryEntity;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Appends events to the audit trail (exactly once per event id) and answers queries on it. */
@ApplicationScoped
public class AuditService {
    public static final int MAX_LIMIT = 1000;

    /** Inserts unless the event id is already recorded; true when a new entry was written. */
    public Uni<Boolean> append(EventEnvelope event) {
        AuditRecord r = AuditRecord.of(event);
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "INSERT INTO audit_entry (event_id, tenant, event_type, source, subject, actor, outcome, occurred_at, recorded_at, data_json) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, now(), ?9) ON CONFLICT (event_id) DO NOTHING")
                .setParameter(1, r.eventId())
                .setParameter(2, r.tenant())
                .setParameter(3, r.eventType())
                .setParameter(4, r.source())
                .setParameter(5, r.subject())
                .setParameter(6, r.actor())
                .setParameter(7, r.outcome())
                .setParameter(8, OffsetDateTime.ofInstant(r.occurredAt(), ZoneOffset.UTC))
                .setParameter(9, r.data() == null ? null : r.data().toString())
                .executeUpdate())
                .map(n -> n == 1);
    }

    public Uni<List<AuditEntryView>> query(String tenant, String subject, String type, Integer limit) {
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw new BadInputException("invalid-limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        StringBuilder q = new StringBuilder("tenant = :tenant");
        Parameters p = Parameters.with("tenant", tenant);
        if (subject != null && !subject.isBlank()) {
            q.append(" and subject = :subject");
            p.and("subject", subject);
        }
        if (type != null && !type.isBlank()) {
            q.append(" and eventType = :type");
            p.and("type", type);
        }
        q.append(" order by seq");
        return AuditEntryEntity.<AuditEntryEntity>find(q.toString(), p).range(0, max - 1).list()
                .map(l -> l.stream().map(AuditService::toView).toList());
    }

    static AuditEntryView toView(AuditEntryEntity e) {
        try {
            return new AuditEntryView(e.seq, e.eventId, e.eventType, e.source, e.subject, e.actor, e.occurredAt,
                    e.recordedAt, e.dataJson == null ? null : Json.mapper().readTree(e.dataJson));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("audit entry " + e.seq + " holds unreadable data", ex);
        }
    }
}
