package io.synthline.profiler.mapping;

import io.synthline.commons.api.ColumnSummary;
import io.synthline.commons.api.DatasetView;
import io.synthline.commons.json.Json;
import io.synthline.commons.profile.DatasetProfile;
import io.synthline.profiler.repository.DatasetEntity;
import java.util.List;

public final class DatasetMapper {
    private DatasetMapper() {
    }

    public static DatasetView toView(DatasetEntity e) {
        return new DatasetView(e.id.toString(), e.name, e.owner, e.status, e.sizeBytes, e.sha256, e.rowCount,
                e.columnCount, columns(e), e.createdAt, e.profiledAt);
    }

    public static ColumnSummary summary(io.synthline.commons.profile.ColumnProfile c) {
        // profiles stored by an earlier profiler version have no distinct count: one such row must not break every listing
        return new ColumnSummary(c.name(), c.type(), c.nullCount(), c.distinct() == null ? 0 : c.distinct().estimate());
    }

    private static List<ColumnSummary> columns(DatasetEntity e) {
        if (e.profileJson == null) {
            return null;
        }
        try {
            DatasetProfile profile = Json.mapper().readValue(e.profileJson, DatasetProfile.class);
            return profile.columns().stream().map(DatasetMapper::summary).toList();
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException("stored profile of dataset " + e.id + " is unreadable", ex);
        }
    }
}
