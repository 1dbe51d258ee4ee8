/**
 * Kafka consumers: every event into the audit chain, and the domain events that drive the
 * generation protocol and the dataset registry.
 */
package io.synthline.governance.messaging;
