/**
 * Evaluation of datasets made of several related tables: SDMetrics' multi-table QualityReport,
 * referential integrity, sequence metrics and privacy attacks at entity level (a parent row with
 * all its descendants is one record).
 */
package io.synthline.evaluator.engine.relational;
