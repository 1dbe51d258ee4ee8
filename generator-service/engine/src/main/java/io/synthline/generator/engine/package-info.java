/**
 * Synthesizers as plain Java: fit a model on a {@link io.synthline.commons.table.Table}, then
 * stream any number of rows from it, reproducibly from a seed.
 */
package io.synthline.generator.engine;
