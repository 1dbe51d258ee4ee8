/**
 * Personal data detection: column-name hints split into words, plus a value sample checked by
 * kind-specific validators (the checksum and format rules of {@code io.synthline.commons.pii}) and
 * the shipped name and country dictionaries.
 */
package io.synthline.profiler.engine.pii;
