package io.synthline.commons.api;

/**
 * A direct reservation of (epsilon, delta) from a dataset's budget (the generation protocol makes
 * these itself on generation.requested).
 *
 * @param reservationId idempotency key: the generation id in the protocol
 */
public record ReservationRequest(String reservationId, Double epsilon, Double delta) {
}
