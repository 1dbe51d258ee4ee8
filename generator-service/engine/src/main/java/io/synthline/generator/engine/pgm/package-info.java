/**
 * Discrete graphical models in the style of Private-PGM (McKenna, Sheldon and Miklau 2019):
 * factors, junction trees, belief propagation, estimation of a consistent model from noisy
 * marginals by mirror descent, exact marginal queries and sampling. Pure post-processing: no
 * class here sees private data, only noisy measurements.
 */
package io.synthline.generator.engine.pgm;
