/**
 * Data-quality and privacy warnings over a finished profile (no rows, duplicate rows, missing,
 * constant, unique or high-cardinality columns, skew, zeros, outliers, imbalance, mixed kinds,
 * formula-like and invalid cells, high correlation, personal data), with ydata-profiling's rules
 * and default thresholds where it has them.
 */
package io.synthline.profiler.engine.alerts;
