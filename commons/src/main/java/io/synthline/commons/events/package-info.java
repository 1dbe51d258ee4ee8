/**
 * The Kafka contracts between services: topic names ({@link io.synthline.commons.events.Topics}),
 * the versioned event envelope with its types and payloads, and the score names events carry.
 */
package io.synthline.commons.events;
