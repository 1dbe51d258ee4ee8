package io.synthline.commons.api;

/**
 * What a client asks the generator for. Tenant and actor come from the caller's token, never
 * from here.
 *
 * @param model defaults to {@code independent} when null
 * @param seed  defaults to a random seed (recorded, so the run stays reproducible) when null
 */
public record GenerationRequest(String datasetId, Long rows, Long seed, String model) {
}
