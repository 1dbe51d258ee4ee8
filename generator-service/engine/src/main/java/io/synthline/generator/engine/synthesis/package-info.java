/**
 * A fitted model as users deal with it ({@link io.synthline.generator.engine.synthesis.SynthesisModel}):
 * the {@link io.synthline.generator.engine.synthesis.ModelSpec} that decides what it learns, the
 * methods users can name ({@link io.synthline.generator.engine.synthesis.Synthesizers}), the rows
 * held out of the fit ({@link io.synthline.generator.engine.synthesis.HoldoutSplit}), the constraint
 * layout, the copy guard, and the versioned artifact it is stored as.
 */
package io.synthline.generator.engine.synthesis;
