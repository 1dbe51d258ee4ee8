/**
 * What every modelling method implements: a {@link io.synthline.generator.engine.model.Synthesizer}
 * fits a {@link io.synthline.generator.engine.model.FittedModel}, which draws rows over its
 * {@link io.synthline.generator.engine.model.ModelDomain} (per column a
 * {@link io.synthline.generator.engine.model.ColumnDomain}: categories, or a range and precision).
 */
package io.synthline.generator.engine.model;
