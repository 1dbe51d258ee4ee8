/**
 * Checks of the columns whose values replaced personal data: format validity under the kind's
 * rules, uniqueness against the real column, and real values returned (leaks).
 */
package io.synthline.evaluator.engine.pii;
