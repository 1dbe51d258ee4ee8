/**
 * The transactional outbox (events written with the state they announce, relayed to Kafka after
 * commit) and the inbox that makes consumers idempotent; see ADR 0003.
 */
package io.synthline.service.outbox;
