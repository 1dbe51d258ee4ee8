/**
 * The evaluator's view of the input tables: which columns are evaluated and how (SDMetrics'
 * sdtypes), and the real, synthetic and holdout tables encoded against shared category
 * dictionaries so that every metric compares codes, not strings.
 */
package io.synthline.evaluator.engine.data;
