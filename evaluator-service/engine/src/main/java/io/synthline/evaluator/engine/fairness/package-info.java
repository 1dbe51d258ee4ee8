/** Group fairness of the label in real versus synthetic data, and of models trained on each. */
package io.synthline.evaluator.engine.fairness;
