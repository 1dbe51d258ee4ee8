/**
 * The one generation pipeline ({@link io.synthline.generator.engine.pipeline.GenerationPipeline}):
 * what a generation request runs, step by step, whoever asks for it. The {@code synth} CLI and the
 * generator service are adapters that only say where the data, the models and the output live.
 */
package io.synthline.generator.engine.pipeline;
