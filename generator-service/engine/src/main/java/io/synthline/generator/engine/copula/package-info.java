/** The Gaussian copula synthesizer: latent-normal marginals chosen by fit, optimal scaling of categories, exact conditioning. */
package io.synthline.generator.engine.copula;
