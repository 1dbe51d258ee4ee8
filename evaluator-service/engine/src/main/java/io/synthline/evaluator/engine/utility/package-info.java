/**
 * What synthetic data is worth to a model: the classifier two-sample test (detection) and
 * train-synthetic-test-real versus train-real-test-real for a label column.
 */
package io.synthline.evaluator.engine.utility;
