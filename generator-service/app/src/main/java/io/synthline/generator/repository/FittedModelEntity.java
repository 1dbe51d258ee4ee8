package io.synthline.generator.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.synthline.commons.json.Json;
import io.synthline.commons.relational.StoredRelational;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored model artifact. {@code fitKey} hashes what decides a model's content (dataset bytes,
 * model spec, seed, engine version), so a request that would fit the same model reuses it.
 */
@Entity
@Table(name = "fitted_model")
@IdClass(FittedModelEntity.Key.class)
public class FittedModelEntity extends PanacheEntityBase {
    /** The synthesizer of a model of several tables starts so ({@code relational:tree}). */
    public static final String RELATIONAL_PREFIX = "relational:";
    public static final String RELATIONAL_KIND = "relational";
    @Id
    public String tenant;
    @Id
    @Column(name = "fit_key")
    public String fitKey;
    @Column(name = "model_id")
    public String modelId;
    @Column(name = "dataset_id")
    public UUID datasetId;
    public String synthesizer;
    @Column(name = "storage_key")
    public String storageKey;
    @Column(name = "manifest_json", columnDefinition = "text")
    public String manifestJson;
    @Column(name = "created_at")
    public Instant createdAt;

    public static Uni<FittedModelEntity> find(String tenant, String fitKey) {
        return find("tenant = ?1 and fitKey = ?2", tenant, fitKey).firstResult();
    }

    /** Where the real rows a model's fit held out are stored: beside the model. */
    public static String holdoutKey(String modelStorageKey) {
        return modelStorageKey.substring(0, modelStorageKey.lastIndexOf('/') + 1) + "holdout.csv";
    }

    /**
     * Where a model's copy guard is stored: beside the model, like the held-out rows, and deleted
     * with them (it recognises real rows, so it follows the raw data's rules, not the model's).
     */
    public static String guardKey(String modelStorageKey) {
        return modelStorageKey.substring(0, modelStorageKey.lastIndexOf('/') + 1) + "copy-guard.bin";
    }

    /** Where the entities a fit of several tables held out are stored: beside the model, the index of their tables. */
    public static String tablesHoldoutKey(String modelStorageKey) {
        return modelStorageKey.substring(0, modelStorageKey.lastIndexOf('/') + 1) + "holdout/" + StoredRelational.INDEX_FILE;
    }

    /** Whether the row is a stored model of several tables (not one table's, nor the held-out entities of a run that stored none). */
    public static boolean isRelational(FittedModelEntity e) {
        return fittedOnTables(e) && !StoredRelational.isRelational(e.storageKey);
    }

    /** Whether the row is one table's stored model (not a model of several tables, nor held-out entities). */
    public static boolean isSingleTable(FittedModelEntity e) {
        return !fittedOnTables(e) && !StoredRelational.isRelational(e.storageKey);
    }

    private static boolean fittedOnTables(FittedModelEntity e) {
        return e.synthesizer != null && e.synthesizer.startsWith(RELATIONAL_PREFIX);
    }

    /** The content hash of the tables a model of several tables was fitted on, from its row. */
    public static String relationalDatasetContent(FittedModelEntity e) {
        Object content = e.manifestJson == null ? null : Json.read(e.manifestJson, Map.class).get("datasetContentSha256");
        return content == null ? null : content.toString();
    }

    public static Uni<FittedModelEntity> byModelId(String tenant, String modelId) {
        return find("tenant = ?1 and modelId = ?2", tenant, modelId).firstResult();
    }

    public static class Key implements Serializable {
        public String tenant;
        public String fitKey;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenant, k.tenant) && Objects.equals(fitKey, k.fitKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenant, fitKey);
        }
    }
}
