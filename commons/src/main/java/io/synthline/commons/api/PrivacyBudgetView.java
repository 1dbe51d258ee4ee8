package io.synthline.commons.api;

import java.time.Instant;
import java.util.List;

/**
 * A dataset's privacy-budget ledger as the governance API shows it. Budgets compose sequentially:
 * spent and reserved (epsilon, delta) add up, and a reservation is granted only while
 * {@code spent + reserved + requested <= cap} holds for the dataset and for the tenant cap.
 *
 * @param epsilonCap       null = the dataset has no cap of its own (the tenant cap, if any, still applies)
 * @param epsilonRemaining cap - spent - reserved, null when uncapped
 * @param tenantEpsilonRemaining what the tenant cap leaves for all of the tenant's datasets, null when uncapped
 */
public record PrivacyBudgetView(
        String datasetId,
        Double epsilonCap,
        Double deltaCap,
        double epsilonSpent,
        double deltaSpent,
        double epsilonReserved,
        double deltaReserved,
        Double epsilonRemaining,
        Double deltaRemaining,
        Double tenantEpsilonRemaining,
        Double tenantDeltaRemaining,
        List<Reservation> reservations) {

    /**
     * @param status {@code RESERVED}, {@code COMMITTED} or {@code RELEASED}
     * @param epsilon what is held (RESERVED) or was charged (COMMITTED)
     */
    public record Reservation(String reservationId, String generationId, String status, double epsilon, double delta,
            Instant createdAt, Instant settledAt) {
    }
}
