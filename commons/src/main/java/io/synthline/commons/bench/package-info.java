/**
 * What the engines' benchmarks measure about the process itself: CPU time of all its threads and
 * the heap's peak, one implementation for every {@code synth bench} command.
 */
package io.synthline.commons.bench;
