/** Large generations as a Kubernetes Indexed Job of shards, and the shard pods' entry point. */
package io.synthline.generator.shard;
