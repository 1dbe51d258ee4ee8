/**
 * The Quarkus adapters every Synthline service shares, so each service is only its own REST
 * resources, consumers and engine calls: RFC 9457 errors, the caller's tenant and roles from the
 * token, a transactional outbox to Kafka, an idempotent inbox, and blocking-to-reactive bridging
 * for Hibernate Reactive.
 */
package io.synthline.service;
