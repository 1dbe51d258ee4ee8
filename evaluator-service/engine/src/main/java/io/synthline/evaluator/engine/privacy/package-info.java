/**
 * Privacy risk: SDMetrics' DCR distance computed exactly by a blocked, vectorisable
 * nearest-record search ({@link io.synthline.evaluator.engine.privacy.NearestRecords}), the
 * DCR-based metrics (SDMetrics' DCRBaselineProtection and DCROverfittingProtection, DCR share,
 * NNDR, identical matches) and attacks with confidence intervals and baselines (distance-based
 * membership inference, attribute inference, singling out and linkability in the Anonymeter
 * manner).
 */
package io.synthline.evaluator.engine.privacy;
