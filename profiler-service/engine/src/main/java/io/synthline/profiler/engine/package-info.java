/**
 * Dataset profiling without any framework: one streaming pass over a CSV file that infers
 * column types and gathers per-column facts in memory bounded by sketches, not by rows.
 */
package io.synthline.profiler.engine;
