/**
 * Quality, privacy and fairness metrics of synthetic data against real data, framework-free.
 * Where a metric exists in SDMetrics, the definition and the numbers are SDMetrics'.
 */
package io.synthline.evaluator.engine;
