package io.synthline.commons.profile;

import io.synthline.commons.relational.KeyProposal;
import io.synthline.commons.relational.RelationalMetadata;
import java.util.List;
import java.util.Map;

/**
 * The profile of a dataset made of several tables: each table's profile, the metadata in force,
 * the keys the profiler proposes when none were declared, and the sequences of sequential tables.
 *
 * @param metadataSource {@code declared} (a metadata document came with the tables) or {@code proposed}
 * @param proposal       the key proposal with its evidence; null when the metadata was declared
 */
public record RelationalProfile(Map<String, DatasetProfile> tables, RelationalMetadata metadata, String metadataSource,
        KeyProposal proposal, List<SequenceProfile> sequences) {

    /**
     * One sequential table: its sequences (the rows of one entity, ordered) described by their
     * lengths, the steps of the order value between consecutive events, and per position the number
     * of sequences that reach it with the mean of each numeric column there.
     */
    public record SequenceProfile(String table, List<String> entityKey, String orderColumn, long sequences, Summary lengths,
            Summary interArrival, List<Step> steps) {
    }

    /** Count, mean and quantiles of a list of numbers (null fields when it is empty). */
    public record Summary(long count, Double mean, Double min, Double p25, Double median, Double p75, Double max) {
    }

    /** @param means per numeric column, its mean over the events at this position */
    public record Step(int position, long sequences, Map<String, Double> means) {
    }
}
