/**
 * The self-contained HTML rendering of an evaluation document: inline CSS and SVG only, no
 * scripts, no external resources, readable offline.
 */
package io.synthline.evaluator.engine.report;
