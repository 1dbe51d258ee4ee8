package io.synthline.generator.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The generator's projection of a dataset, built from the profiler's events. */
@Entity
@Table(name = "dataset_ref")
public class DatasetRefEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String tenant;
    @Column(name = "storage_key")
    public String storageKey;
    public String status;
    @Column(name = "row_count")
    public Long rowCount;
    /** SHA-256 of the stored file: part of the key under which fitted models are reused. */
    public String sha256;
    @Column(name = "schema_json", columnDefinition = "text")
    public String schemaJson;
    /** The profile's PII findings (JSON list of {@link io.synthline.commons.profile.PiiFinding}); null before profiling. */
    @Column(name = "pii_json", columnDefinition = "text")
    public String piiJson;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public java.util.List<io.synthline.commons.profile.PiiFinding> piiFindings() {
        return piiFindings(piiJson);
    }

    public static java.util.List<io.synthline.commons.profile.PiiFinding> piiFindings(String json) {
        return json == null ? java.util.List.of() : java.util.List.of(io.synthline.commons.json.Json.read(json,
                io.synthline.commons.profile.PiiFinding[].class));
    }

    public static Uni<DatasetRefEntity> findForTenant(String tenant, UUID id) {
        return find("id = ?1 and tenant = ?2", id, tenant).firstResult();
    }
}
