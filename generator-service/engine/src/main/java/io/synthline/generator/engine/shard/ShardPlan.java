package io.synthline.generator.engine.shard;

/**
 * How a request of {@code rows} rows is cut into shards of {@code shardRows} consecutive rows
 * (the last one shorter). Shard {@code i} covers rows {@code [i * shardRows, i * shardRows + rows(i))}
 * relative to the request's first row.
 */
public record ShardPlan(long rows, long shardRows) {

    public ShardPlan {
        if (rows < 0 || shardRows < 1) {
            throw new IllegalArgumentException("a shard plan needs rows >= 0 and shardRows >= 1, got " + rows + " and " + shardRows);
        }
    }

    /** Shards of {@code shardRows} rows, made larger when that would give more than {@code maxShards} shards. */
    public static ShardPlan of(long rows, long shardRows, int maxShards) {
        long atMost = Math.max(1, maxShards);
        long size = Math.max(Math.max(1, shardRows), (rows + atMost - 1) / atMost);
        return new ShardPlan(rows, size);
    }

    public int count() {
        return (int) Math.max(1, (rows + shardRows - 1) / shardRows);
    }

    /** The first row of shard {@code index}, relative to the request's first row. */
    public long offset(int index) {
        check(index);
        return index * shardRows;
    }

    public long rows(int index) {
        check(index);
        return Math.min(shardRows, rows - offset(index));
    }

    private void check(int index) {
        if (index < 0 || index >= count()) {
            throw new IndexOutOfBoundsException("shard " + index + " of " + count());
        }
    }
}
