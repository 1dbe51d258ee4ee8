/** Accepts generation requests and runs them as jobs with the engine's generation pipeline. */
package io.synthline.generator.service;
