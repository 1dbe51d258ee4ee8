/**
 * Sharded sampling: one large request split into consecutive row ranges ({@link ShardPlan}), each
 * sampled on its own by {@link ShardRunner} (in a separate process or pod) into the store, and
 * joined by {@link ShardAssembly} into the file a single run would have written, byte for byte.
 * Everything goes through {@link io.synthline.commons.store.DatasetStore}, so shards work on
 * any store the platform is configured with.
 */
package io.synthline.generator.engine.shard;
