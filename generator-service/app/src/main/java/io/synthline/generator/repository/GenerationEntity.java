package io.synthline.generator.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "generation")
public class GenerationEntity extends PanacheEntityBase {
    public static final String REQUESTED = "REQUESTED";
    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    @Id
    public UUID id;
    public String tenant;
    @Column(name = "dataset_id")
    public UUID datasetId;
    @Column(name = "requested_by")
    public String requestedBy;
    public String model;
    @Column(name = "rows_requested")
    public long rows;
    public long seed;
    public String status;
    @Column(name = "output_key")
    public String outputKey;
    @Column(name = "output_sha256")
    public String outputSha256;
    public String error;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "completed_at")
    public Instant completedAt;

    public boolean isFinished() {
        return COMPLETED.equals(status) || FAILED.equals(status);
    }

    public static Uni<GenerationEntity> findForTenant(String tenant, UUID id) {
        return find("id = ?1 and tenant = ?2", id, tenant).firstResult();
    }

    public static Uni<List<GenerationEntity>> listForTenant(String tenant) {
        return find("tenant = ?1 order by createdAt desc", tenant).list();
    }
}
