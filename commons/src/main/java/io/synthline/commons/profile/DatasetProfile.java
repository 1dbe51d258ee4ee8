package io.synthline.commons.profile;

import io.synthline.commons.table.TableSchema;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the profiler learned about one dataset.
 *
 * @param profileVersion format version of this document ({@link #VERSION}); major changes break readers
 * @param datasetId      the platform's dataset id; null when profiled outside the platform (CLI)
 * @param schema         the types every service reads the data with (inferred, then overridden)
 * @param pii            one finding per (column, kind) whose confidence reached the reporting threshold
 * @param attributes     quasi-identifier and sensitive-attribute candidates, one per (column, category)
 */
public record DatasetProfile(
        String profileVersion,
        String datasetId,
        SourceInfo source,
        Instant profiledAt,
        long rowCount,
        int columnCount,
        TableSchema schema,
        List<ColumnProfile> columns,
        TableSummary table,
        Correlations correlations,
        List<PiiFinding> pii,
        List<AttributeTag> attributes,
        List<Alert> alerts,
        ProfileSettings settings) {

    public static final String VERSION = "2.0";
    /** Classpath location of the JSON Schema (draft 2020-12) that documents of this version conform to. */
    public static final String JSON_SCHEMA_RESOURCE = "/io/synthline/commons/profile/dataset-profile.schema.json";

    public DatasetProfile {
        columns = columns == null ? List.of() : List.copyOf(columns);
        pii = pii == null ? List.of() : List.copyOf(pii);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    public Optional<ColumnProfile> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<PiiFinding> piiOf(String column) {
        return pii.stream().filter(p -> p.column().equals(column)).toList();
    }

    public List<AttributeTag> attributesOf(String column) {
        return attributes.stream().filter(a -> a.column().equals(column)).toList();
    }

    /** Columns tagged with {@code role}, e.g. the protected attributes a fairness evaluation should use. */
    public List<String> columnsWithRole(AttributeRole role) {
        return attributes.stream().filter(a -> a.roles().contains(role)).map(AttributeTag::column).distinct().toList();
    }

    public DatasetProfile withDatasetId(String id) {
        return new DatasetProfile(profileVersion, id, source, profiledAt, rowCount, columnCount, schema, columns, table,
                correlations, pii, attributes, alerts, settings);
    }
}
