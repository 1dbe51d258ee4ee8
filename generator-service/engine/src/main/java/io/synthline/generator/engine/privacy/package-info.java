/**
 * Differential privacy accounting in zero-concentrated DP: the (epsilon, delta) <-> rho
 * conversions ({@link io.synthline.generator.engine.privacy.ZeroConcentratedDp}), the per-run
 * accountant that refuses to overspend, the mechanisms (discrete Gaussian, exponential,
 * thresholded histogram) that charge it before they release anything, and the report a run
 * leaves for the audit trail. Framework-free.
 */
package io.synthline.generator.engine.privacy;
