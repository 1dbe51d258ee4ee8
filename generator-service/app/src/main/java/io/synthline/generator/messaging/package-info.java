/**
 * Kafka consumers: the generator's view of datasets, and its half of the generation protocol
 * (docs/governance-protocol.md).
 */
package io.synthline.generator.messaging;
