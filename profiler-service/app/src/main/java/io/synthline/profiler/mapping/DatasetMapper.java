package io.synthline.profiler.mapping;

import io.synthline.commons.api.ColumnSummary;
import io.synthline.commons.api.DatasetView;
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
        // only current-format profiles get here (see StoredProfiles), and those always carry a distinct count
        return new ColumnSummary(c.name(), c.type(), c.nullCount(), c.distinct().estimate());
    }

    /** Column summaries from the stored profile; null before profiling or for a profile in an older format. */
    private static List<ColumnSummary> columns(DatasetEntity e) {
        return StoredProfiles.readable(e.profileJson)
                .map(profile -> profile.columns().stream().map(DatasetMapper::summary).toList())
                .orElse(null);
    }
}
