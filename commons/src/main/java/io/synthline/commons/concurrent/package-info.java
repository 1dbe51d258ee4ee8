/**
 * Spreading independent work over a few threads so that results never depend on the thread
 * count: engines (profiler, generator) use it for per-column, per-pair and per-tree work.
 */
package io.synthline.commons.concurrent;
