/**
 * Fidelity: SDMetrics' single-column and column-pair metrics and its QualityReport (same
 * definitions, same numbers, see {@link io.synthline.evaluator.engine.fidelity.QualityReport}),
 * and MOSTLY AI-style marginal accuracy.
 */
package io.synthline.evaluator.engine.fidelity;
