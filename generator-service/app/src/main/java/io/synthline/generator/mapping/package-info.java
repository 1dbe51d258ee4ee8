/** From stored generations to the API's views ({@code commons.api}). */
package io.synthline.generator.mapping;
