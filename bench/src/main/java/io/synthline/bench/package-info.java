/**
 * {@code synth bench}: throughput, memory and quality benchmarks of the engines, each against a
 * reference measured in the same run (a bare CSV parse, a naive scan, published numbers), so that
 * ratios hold on a busy machine where absolute numbers do not. Kept out of the user CLI and the
 * engines; docs/benchmarks.md lists the results and the command that reproduces each.
 */
package io.synthline.bench;
