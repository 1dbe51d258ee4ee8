package io.synthline.profiler.mapping;

import com.fasterxml.jackson.core.type.TypeReference;
import io.synthline.commons.api.ColumnSummary;
import io.synthline.commons.api.DatasetView;
import io.synthline.commons.json.Json;
import io.synthline.profiler.engine.DatasetProfile;
import io.synthline.profiler.repository.DatasetEntity;
import java.util.List;

public final class DatasetMapper {
    private DatasetMapper() {
    }

    public static DatasetView toView(DatasetEntity e) {
        return new DatasetView(e.id.toString(), e.name, e.owner, e.status, e.sizeBytes, e.sha256, e.rowCount,
                e.columnCount, columns(e), e.createdAt, e.profiledAt);
    }

    private static List<ColumnSummary> columns(DatasetEntity e) {
        if (e.profileJson == null) {
            return null;
        }
        try {
            DatasetProfile profile = Json.mapper().readValue(e.profileJson, new TypeReference<DatasetProfile>() {
            });
            return profile.columns();
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException("stored profile of dataset " + e.id + " is unreadable", ex);
        }
    }
}
