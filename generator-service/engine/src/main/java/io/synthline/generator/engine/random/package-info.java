/**
 * Reproducible randomness: per-row streams derived from (seed, row, attempt), seed derivation,
 * and keyed permutations for unique keys. Nothing here depends on threads or clocks.
 */
package io.synthline.generator.engine.random;
