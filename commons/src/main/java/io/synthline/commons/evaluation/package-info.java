/**
 * The evaluation document: what the evaluator service stores and serves, what {@code synth
 * evaluate} writes, and what the HTML report renders. The quality section mirrors SDMetrics'
 * {@code QualityReport.get_properties()} / {@code get_details()} key for key, so users can diff
 * our numbers against theirs; the other sections go where SDMetrics stops. The JSON Schema of
 * the document is the resource {@code evaluation.schema.json} next to these classes
 * ({@link EvaluationDocument#SCHEMA_RESOURCE}).
 */
package io.synthline.commons.evaluation;
