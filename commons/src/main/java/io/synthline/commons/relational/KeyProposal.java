package io.synthline.commons.relational;

import java.util.List;

/**
 * Keys the profiler proposes for tables that came without metadata, each with the evidence it
 * rests on and a confidence in [0, 1], for the user to confirm. {@code metadata} applies the
 * proposals of at least {@link #ACCEPT} confidence: the best primary key per table and the foreign
 * keys; sequences are only listed (declaring one changes how its table is modelled).
 */
public record KeyProposal(List<PrimaryKeyCandidate> primaryKeys, List<ForeignKeyCandidate> foreignKeys,
        List<SequenceCandidate> sequences, RelationalMetadata metadata) {
    public static final double ACCEPT = 0.5;

    public KeyProposal {
        primaryKeys = List.copyOf(primaryKeys);
        foreignKeys = List.copyOf(foreignKeys);
        sequences = List.copyOf(sequences);
    }

    /** Columns whose values are unique and complete in the table. */
    public record PrimaryKeyCandidate(String table, List<String> columns, double confidence, List<String> evidence) {
    }

    /**
     * An inclusion dependency: the child's values (distinct, non-missing) found among the parent
     * key's, {@code coverage} the share that are.
     */
    public record ForeignKeyCandidate(String childTable, List<String> childColumns, String parentTable, List<String> parentColumns,
            double coverage, double missingShare, double confidence, List<String> evidence) {
        public Relationship relationship() {
            return new Relationship(parentTable, childTable, parentColumns, childColumns);
        }
    }

    /** A table that looks like events per entity: the entity key repeats, and (entity, order) is nearly unique. */
    public record SequenceCandidate(String table, List<String> entityKey, String orderColumn, double confidence, List<String> evidence) {
    }
}
