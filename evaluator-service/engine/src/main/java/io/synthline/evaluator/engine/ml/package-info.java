/**
 * Classifiers for the evaluator, on Tribuo: the rows-to-features encoding, the two model families
 * (logistic regression; gradient-boosted trees through XGBoost), and the scores (accuracy, F1, ROC
 * AUC). Used by detection, ML utility, attribute inference and fairness.
 */
package io.synthline.evaluator.engine.ml;
