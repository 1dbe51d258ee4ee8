/** From the evaluator's tables to the API's views ({@code commons.api}). */
package io.synthline.evaluator.mapping;
