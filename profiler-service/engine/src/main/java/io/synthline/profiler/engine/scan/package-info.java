/**
 * The single streaming pass over the rows ({@link io.synthline.profiler.engine.scan.ProfilePass})
 * and what each column gathers in it, by concept: type evidence for inference (cell kinds,
 * datetime pattern candidates), value counts with the cardinality and frequent-item sketches,
 * numeric moments with seeded KLL quantile sketches, text lengths, invalid cells, the PII sample
 * and the correlation sample. Results never depend on the thread count: every column sees the
 * same values in the same order and the same batch boundaries.
 */
package io.synthline.profiler.engine.scan;
