package io.synthline.generator.engine.privacy;

/**
 * One use of a mechanism.
 *
 * @param purpose what it measured or selected, e.g. {@code "2-way marginal age,income"}; names
 *                columns, never values
 * @param rho     its zCDP cost
 * @param delta   an extra failure probability outside zCDP (thresholding); 0 for pure zCDP mechanisms
 * @param scale   sigma for Gaussian noise, epsilon for the exponential mechanism
 */
public record PrivacySpend(Mechanism mechanism, String stage, String purpose, double rho, double delta, double scale) {
}
