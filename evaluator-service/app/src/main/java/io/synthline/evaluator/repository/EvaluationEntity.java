package io.synthline.evaluator.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "evaluation")
public class EvaluationEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String tenant;
    @Column(name = "generation_id")
    public UUID generationId;
    @Column(name = "dataset_id")
    public UUID datasetId;
    public String status;
    @Column(name = "overall_score")
    public Double overallScore;
    @Column(name = "result_json", columnDefinition = "text")
    public String resultJson;
    public String error;
    @Column(name = "source_key")
    public String sourceKey;
    @Column(name = "output_key")
    public String outputKey;
    @Column(name = "holdout_key")
    public String holdoutKey;
    @Column(name = "report_key")
    public String reportKey;
    @Column(name = "options_json", columnDefinition = "text")
    public String optionsJson;
    @Column(name = "properties_json", columnDefinition = "text")
    public String propertiesJson;
    @Column(name = "summary_json", columnDefinition = "text")
    public String summaryJson;
    @Column(name = "created_at")
    public Instant createdAt;
    /** The {@code evaluation.requested} this answers; null for the evaluation on {@code generation.completed}. */
    @Column(name = "request_id")
    public String requestId;
    public Long seed;

    public static Uni<EvaluationEntity> findForTenant(String tenant, UUID id) {
        return find("id = ?1 and tenant = ?2", id, tenant).firstResult();
    }

    /** The evaluation on generation.completed (requestId null) or the one answering requestId; whether it exists. */
    public static Uni<Boolean> exists(String tenant, UUID generationId, String requestId) {
        return (requestId == null ? count("generationId = ?1 and requestId is null", generationId)
                : count("tenant = ?1 and requestId = ?2", tenant, requestId)).map(n -> n > 0);
    }

    /** The generation's most recent evaluation, or null. */
    public static Uni<EvaluationEntity> latestOf(String tenant, UUID generationId) {
        return find("tenant = ?1 and generationId = ?2 order by createdAt desc", tenant, generationId).firstResult();
    }
}
