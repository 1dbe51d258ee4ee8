/**
 * Small statistics shared by the metrics: numpy-compatible quantiles, distributions with
 * histograms, Wilson score intervals, ROC AUC with Hanley-McNeil intervals, and the Anonymeter
 * residual-risk formula. Distributions (normal quantiles) come from Apache Commons Statistics.
 */
package io.synthline.evaluator.engine.stats;
