/** The baseline synthesizer: every column drawn from its own (disclosure-limited) marginal, independently of the others. */
package io.synthline.generator.engine.independent;
