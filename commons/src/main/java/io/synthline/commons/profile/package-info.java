/**
 * The dataset profile document: one versioned JSON shape (these records plus
 * {@code dataset-profile.schema.json} beside them) that the profiler writes and every other
 * component reads. PII findings drive PII replacement in the generator, attribute tags drive the
 * evaluator's fairness and privacy metrics and governance's classification.
 *
 * <p>Compatibility rule: within a major {@link io.synthline.commons.profile.DatasetProfile#VERSION}
 * fields are only added, never renamed or removed; readers ignore fields they do not know.
 */
package io.synthline.commons.profile;
