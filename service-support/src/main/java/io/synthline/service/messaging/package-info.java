/**
 * How a Kafka consumer handles one record: poison records dead-lettered at once, transient
 * failures retried with back-off, each event applied once (with the inbox).
 */
package io.synthline.service.messaging;
