/**
 * Statistics computed from the pass's results: streaming moments, pairwise associations (Pearson,
 * Spearman, Cramér's V, correlation ratio) over the correlation sample, and the radix-sorted ranks
 * Spearman needs; each with pandas' or ydata-profiling's definitions.
 */
package io.synthline.profiler.engine.stats;
