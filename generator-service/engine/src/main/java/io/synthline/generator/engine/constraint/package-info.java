/**
 * Constraints and generated columns: how the columns a model learns relate to the output
 * columns (fixed combinations, inequalities, ranges, formats, unique keys, PII), and how output
 * rows are restored from model rows so that every row satisfies every constraint.
 */
package io.synthline.generator.engine.constraint;
