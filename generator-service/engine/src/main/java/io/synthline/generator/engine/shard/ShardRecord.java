package io.synthline.generator.engine.shard;

/**
 * What one finished shard wrote: its row range, what the copy guard did, and its part's size and
 * SHA-256 (checked again when the parts are joined, and listed in the run's manifest).
 */
public record ShardRecord(int index, long firstRow, long rowsRequested, long rowsWritten, long copiesRedrawn, long rowsDropped,
        long bytes, String sha256) {
}
