/**
 * Kafka consumers: evaluations triggered by generation.completed and evaluation.requested, and the
 * evaluator's view of dataset profiles.
 */
package io.synthline.evaluator.messaging;
