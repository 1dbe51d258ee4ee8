package io.synthline.evaluator.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The evaluator's projection of a dataset's profile: its schema and the profile document (for column tags). */
@Entity
@Table(name = "dataset_profile")
public class DatasetProfileEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String tenant;
    @Column(name = "schema_json", columnDefinition = "text")
    public String schemaJson;
    @Column(name = "profile_json", columnDefinition = "text")
    public String profileJson;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
