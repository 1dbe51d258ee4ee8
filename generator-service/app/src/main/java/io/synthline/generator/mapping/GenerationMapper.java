package io.synthline.generator.mapping;

import io.synthline.commons.api.GenerationView;
import io.synthline.generator.repository.GenerationEntity;

public final class GenerationMapper {
    private GenerationMapper() {
    }

    public static GenerationView toView(GenerationEntity e) {
        return new GenerationView(e.id.toString(), e.datasetId.toString(), e.status, e.model, e.rows, e.seed,
                e.outputSha256, e.error, e.createdAt, e.completedAt, e.rowsDone, e.rowsWritten, e.copiesRedrawn, e.rowsDropped,
                e.outputBytes, e.format, e.modelId, e.runId, e.releaseStatus, e.startedAt);
    }
}
