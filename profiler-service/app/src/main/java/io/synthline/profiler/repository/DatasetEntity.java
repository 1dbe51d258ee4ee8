package io.synthline.profiler.repository;

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
@Table(name = "dataset")
public class DatasetEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String tenant;
    public String name;
    public String owner;
    public String status;
    @Column(name = "storage_key")
    public String storageKey;
    public String sha256;
    @Column(name = "size_bytes")
    public long sizeBytes;
    @Column(name = "row_count")
    public Long rowCount;
    @Column(name = "column_count")
    public Integer columnCount;
    @Column(name = "profile_json", columnDefinition = "text")
    public String profileJson;
    @Column(name = "profile_version")
    public String profileVersion;
    @Column(name = "profile_key")
    public String profileKey;
    @Column(name = "profile_sha256")
    public String profileSha256;
    @Column(name = "source_format")
    public String sourceFormat;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "profiled_at")
    public Instant profiledAt;

    /** Tenant-scoped lookup: another tenant's dataset is indistinguishable from a missing one. */
    public static Uni<DatasetEntity> findForTenant(String tenant, UUID id) {
        return find("id = ?1 and tenant = ?2", id, tenant).firstResult();
    }

    /** Bytes the tenant's datasets take in the store (their canonical copies). */
    public static Uni<Long> storedBytes(String tenant) {
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(s -> s.createSelectionQuery(
                "select coalesce(sum(e.sizeBytes), 0) from DatasetEntity e where e.tenant = :tenant", Long.class)
                .setParameter("tenant", tenant).getSingleResult());
    }

    public static Uni<List<DatasetEntity>> listForTenant(String tenant) {
        return find("tenant = ?1 order by createdAt desc", tenant).list();
    }
}
