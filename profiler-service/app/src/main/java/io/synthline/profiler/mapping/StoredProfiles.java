package io.synthline.profiler.mapping;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.json.Json;
import io.synthline.commons.profile.ColumnProfile;
import io.synthline.commons.profile.DatasetProfile;
import java.util.Optional;

/**
 * Reads stored profile documents. Rows written by an older release keep their document as it was
 * (the JSON endpoint still serves it verbatim); views built from the current records only use
 * documents of the current major version, so an upgrade never turns a listing into a 500.
 */
public final class StoredProfiles {
    private StoredProfiles() {
    }

    /** The stored document when this release can read it, else empty (none yet, or an older format). */
    public static Optional<DatasetProfile> readable(String json) {
        if (json == null) {
            return Optional.empty();
        }
        DatasetProfile profile;
        try {
            profile = Json.mapper().readValue(json, DatasetProfile.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
        if (!sameMajor(profile.profileVersion()) || profile.columns() == null
                || profile.columns().stream().map(ColumnProfile::distinct).anyMatch(d -> d == null)) {
            return Optional.empty();
        }
        return Optional.of(profile);
    }

    /** The stored document, or a 409 problem saying how to bring an older one up to date. */
    public static DatasetProfile require(String datasetId, String json) {
        return readable(json).orElseThrow(() -> new BadInputException("profile-outdated", 409,
                "the stored profile of dataset '" + datasetId + "' has an older format than this release reads ("
                        + DatasetProfile.VERSION + "); re-profile it with PUT /api/v1/datasets/" + datasetId + "/schema")
                .detail("supportedVersion", DatasetProfile.VERSION));
    }

    private static boolean sameMajor(String version) {
        if (version == null) {
            return false;
        }
        String current = DatasetProfile.VERSION;
        return version.substring(0, Math.max(0, version.indexOf('.')))
                .equals(current.substring(0, current.indexOf('.')));
    }
}
