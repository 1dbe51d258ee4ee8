/**
 * Synthesizers as plain Java: fit a model on a {@link io.synthline.commons.table.Table}, then
 * stream any number of rows from it, reproducibly from a seed. The packages, by concept:
 * {@code model} (what a synthesizer and a fitted model are, and the values a model produces),
 * the methods ({@code independent}, {@code tree}, {@code copula}, {@code dp} on {@code pgm} and
 * {@code privacy}, {@code relational}), {@code synthesis} (a fitted model as users deal with it:
 * its spec, holdout, constraints and copy guard), {@code generation} (one sampling run and its
 * manifest), {@code pipeline} (what a generation request runs), and what they are built from:
 * {@code sampling}, {@code constraint}, {@code pii}, {@code disclosure}, {@code random},
 * {@code format}, {@code output}, {@code artifact} and {@code shard}.
 */
package io.synthline.generator.engine;
