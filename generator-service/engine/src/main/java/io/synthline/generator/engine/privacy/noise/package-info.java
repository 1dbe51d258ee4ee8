/**
 * Exact samplers for privacy noise (Canonne, Kamath and Steinke 2020): Bernoulli(exp(-gamma))
 * for rational gamma, discrete Laplace and discrete Gaussian, all in integer arithmetic on
 * uniform bits from {@link java.security.SecureRandom}. A seeded source exists for tests and
 * says "NOT PRIVATE" wherever it appears.
 */
package io.synthline.generator.engine.privacy.noise;
