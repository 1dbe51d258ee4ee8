package io.synthline.generator.service;

import io.smallrye.mutiny.Uni;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.api.GenerationRequest;
import io.synthline.commons.api.GenerationView;
import io.synthline.commons.events.EventEnvelope;
import io.synthline.commons.events.EventType;
import io.synthline.commons.events.Payloads;
import io.synthline.generator.engine.Synthesizers;
import io.synthline.generator.mapping.GenerationMapper;
import io.synthline.generator.repository.DatasetRefEntity;
import io.synthline.generator.repository.GenerationEntity;
import io.synthline.service.outbox.Outbox;
import io.synthline.service.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Accepts generation requests: validates them, records them and queues the job through the outbox. */
@ApplicationScoped
public class GenerationService {
    private static final SecureRandom SEEDS = new SecureRandom();

    @ConfigProperty(name = "synthline.service.source")
    String source;

    @ConfigProperty(name = "synthline.generator.max-rows")
    long maxRows;

    /** Call inside a transaction. */
    public Uni<GenerationView> request(GenerationRequest request, String tenant, String actor) {
        if (request == null) {
            return Uni.createFrom().failure(new BadInputException("missing-body", "a JSON body {datasetId, rows, seed, model} is required"));
        }
        UUID datasetId = parseId(request.datasetId());
        long rows = validRows(request.rows());
        String model = Synthesizers.byName(request.model()).name();
        long seed = request.seed() != null ? request.seed() : SEEDS.nextLong() & Long.MAX_VALUE;
        return DatasetRefEntity.findForTenant(tenant, datasetId)
                .onItem().ifNull().failWith(() -> new NotFound("dataset", request.datasetId())
                        .detail("hint", "a dataset uploaded moments ago becomes visible to the generator within about a second"))
                .chain(dataset -> {
                    if (!"PROFILED".equals(dataset.status)) {
                        return Uni.createFrom().failure(new BadInputException("dataset-not-ready", 409,
                                "dataset " + datasetId + " is " + dataset.status + ", not yet profiled"));
                    }
                    GenerationEntity g = new GenerationEntity();
                    g.id = UUID.randomUUID();
                    g.tenant = tenant;
                    g.datasetId = datasetId;
                    g.requestedBy = actor;
                    g.model = model;
                    g.rows = rows;
                    g.seed = seed;
                    g.status = GenerationEntity.REQUESTED;
                    g.createdAt = Instant.now();
                    EventEnvelope requested = EventEnvelope.create(source, EventType.GENERATION_REQUESTED,
                            "generations/" + g.id, tenant, actor,
                            new Payloads.GenerationRequested(g.id.toString(), datasetId.toString(), model, rows, seed));
                    return g.<GenerationEntity>persist().call(() -> Outbox.enqueue(requested)).map(GenerationMapper::toView);
                });
    }

    public Uni<GenerationView> get(String tenant, String id) {
        return find(tenant, id).map(GenerationMapper::toView);
    }

    public Uni<GenerationEntity> find(String tenant, String id) {
        return Uni.createFrom().item(() -> NotFound.parseId("generation", id))
                .chain(uuid -> GenerationEntity.findForTenant(tenant, uuid)).onItem().ifNull().failWith(() -> new NotFound("generation", id));
    }

    public Uni<List<GenerationView>> list(String tenant) {
        return GenerationEntity.listForTenant(tenant).map(l -> l.stream().map(GenerationMapper::toView).toList());
    }

    private long validRows(Long rows) {
        if (rows == null) {
            throw new BadInputException("invalid-rows", "rows is required");
        }
        if (rows < 1 || rows > maxRows) {
            throw new BadInputException("invalid-rows", "rows must be between 1 and " + maxRows + ", got " + rows);
        }
        return rows;
    }

    private static UUID parseId(String id) {
        if (id == null || id.isBlank()) {
            throw new BadInputException("missing-dataset", "datasetId is required");
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("invalid-dataset-id", "datasetId '" + id + "' is not a valid id");
        }
    }
}
