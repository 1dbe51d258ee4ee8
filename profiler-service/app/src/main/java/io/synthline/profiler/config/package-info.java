/**
 * The profiler's settings ({@code synthline.profiler.*}): upload limits per tenant and profiling options.
 */
package io.synthline.profiler.config;
