/**
 * Spreading independent work over a few threads so that results never depend on the thread
 * count: engines (profiler, generator, evaluator) use it for per-column, per-pair, per-tree and
 * per-model work, and for chunks of query rows.
 */
package io.synthline.commons.concurrent;
