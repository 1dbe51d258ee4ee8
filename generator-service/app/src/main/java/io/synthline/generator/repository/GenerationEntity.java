package io.synthline.generator.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "generation")
public class GenerationEntity extends PanacheEntityBase {
    public static final String REQUESTED = "REQUESTED";
    public static final String PENDING_APPROVAL = "PENDING_APPROVAL";
    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
    public static final String CANCELLED = "CANCELLED";
    public static final String REFUSED = "REFUSED";
    private static final Set<String> FINISHED = Set.of(COMPLETED, FAILED, CANCELLED, REFUSED);

    public static final String RELEASED = "RELEASED";
    public static final String QUARANTINED = "QUARANTINED";
    public static final String OVERRIDDEN = "OVERRIDDEN";

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
    /** The event whose delivery claimed the job (see GenerationJobRunner#claim). */
    @Column(name = "claimed_by_event")
    public String claimedByEvent;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "request_json", columnDefinition = "text")
    public String requestJson;
    /** Where the Parquet rendition of an output stored under {@code csvKey} lives. */
    public static String parquetKey(String csvKey) {
        return (csvKey.endsWith(".csv") ? csvKey.substring(0, csvKey.length() - 4) : csvKey) + ".parquet";
    }

    @Column(name = "output_format")
    public String format = "csv";
    @Column(name = "rows_done")
    public long rowsDone;
    @Column(name = "rows_written")
    public Long rowsWritten;
    @Column(name = "copies_redrawn")
    public Long copiesRedrawn;
    @Column(name = "rows_dropped")
    public Long rowsDropped;
    @Column(name = "output_bytes")
    public Long outputBytes;
    @Column(name = "model_id")
    public String modelId;
    @Column(name = "run_id")
    public String runId;
    @Column(name = "manifest_key")
    public String manifestKey;
    @Column(name = "cancel_requested")
    public boolean cancelRequested;
    @Column(name = "release_status")
    public String releaseStatus;
    public String purpose;

    public boolean isFinished() {
        return FINISHED.contains(status);
    }

    public static Uni<GenerationEntity> findForTenant(String tenant, UUID id) {
        return find("id = ?1 and tenant = ?2", id, tenant).firstResult();
    }

    public static Uni<List<GenerationEntity>> listForTenant(String tenant) {
        return find("tenant = ?1 order by createdAt desc", tenant).list();
    }
}
