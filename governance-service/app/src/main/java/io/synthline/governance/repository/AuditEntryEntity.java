package io.synthline.governance.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Read model of the audit table; rows are only ever inserted (by native SQL, see AuditService). */
@Entity
@Table(name = "audit_entry")
public class AuditEntryEntity extends PanacheEntityBase {
    @Id
    public long seq;
    @Column(name = "event_id")
    public String eventId;
    public String tenant;
    @Column(name = "event_type")
    public String eventType;
    public String source;
    public String subject;
    public String actor;
    public String outcome;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "data_json", columnDefinition = "text")
    public String dataJson;
}
