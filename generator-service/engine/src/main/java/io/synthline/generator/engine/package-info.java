/**
 * Synthesizers as plain Java: fit a model on a {@link io.synthline.commons.table.Table}, then
 * stream any number of rows from it, reproducibly from a seed.
 *
 * <p>Extension point for new models (the DP models MST and AIM of {@code ...engine.dp}): implement
 * {@link io.synthline.generator.engine.Synthesizer} and {@link io.synthline.generator.engine.FittedModel},
 * optionally {@link io.synthline.generator.engine.sampling.ConditionalSampling} (conditions,
 * rebalancing and range constraints then come for free), and register a
 * {@link io.synthline.generator.engine.Synthesizers.ModelKind}. DP kinds receive
 * {@link io.synthline.generator.engine.ModelSpec#privacy()} and report
 * {@link io.synthline.generator.engine.FittedModel#privacySpent()}. Constraints, PII, the copy
 * guard, artifacts, provenance, shards and output are layered on top by
 * {@link io.synthline.generator.engine.SynthesisModel} and {@link io.synthline.generator.engine.Generation}.
 * Details: docs/generator.md.
 */
package io.synthline.generator.engine;
