/** The evaluator's settings ({@code synthline.evaluator.*}). */
package io.synthline.evaluator.config;
