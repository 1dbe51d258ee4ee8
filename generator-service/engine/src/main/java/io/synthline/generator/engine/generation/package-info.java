/**
 * One sampling run of a fitted model: its {@link io.synthline.generator.engine.generation.GenerationSettings},
 * the plan that resolves conditions and rebalancing to a sampler
 * ({@link io.synthline.generator.engine.generation.Generation}), the production of rows and their
 * ordered, hashed output, and the {@link io.synthline.generator.engine.generation.GenerationManifest}
 * that lets any row be regenerated.
 */
package io.synthline.generator.engine.generation;
