/**
 * Quasi-identifier and sensitive-attribute candidates (sex, race, religion, health, age, location,
 * ...) tagged from column names and values; the tags drive the evaluator's fairness and privacy
 * defaults and governance's classification.
 */
package io.synthline.profiler.engine.attributes;
