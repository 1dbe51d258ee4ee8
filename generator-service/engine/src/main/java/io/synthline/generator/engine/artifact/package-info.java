/**
 * The stored form of a model: a versioned binary format written by
 * {@link io.synthline.generator.engine.artifact.ModelOutput} and read back, bounds-checked, by
 * {@link io.synthline.generator.engine.artifact.ModelInput}, and the
 * {@link io.synthline.generator.engine.artifact.ModelManifest} that says what a stored model is; every model file starts
 * with the same {@link io.synthline.generator.engine.artifact.ArtifactHeader}.
 */
package io.synthline.generator.engine.artifact;
