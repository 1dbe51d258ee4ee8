/** From stored entities and profiles to the API's views ({@code commons.api}). */
package io.synthline.profiler.mapping;
