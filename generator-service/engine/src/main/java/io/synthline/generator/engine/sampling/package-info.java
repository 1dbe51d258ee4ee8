/**
 * Sampling from fitted models: one row at a time from per-row random streams
 * ({@link io.synthline.generator.engine.sampling.RowDrawer}), conditions on columns, the
 * {@link io.synthline.generator.engine.sampling.ConditionalSampling} capability a model offers
 * when it can sample exactly given a condition, and what is built generically on top of it
 * ({@link io.synthline.generator.engine.sampling.Rebalanced}).
 */
package io.synthline.generator.engine.sampling;
