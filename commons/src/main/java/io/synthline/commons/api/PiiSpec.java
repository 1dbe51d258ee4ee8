package io.synthline.commons.api;

import java.util.Map;

/**
 * Columns to replace by fake values instead of learning them.
 *
 * @param columns column name to kind ({@code first_name}, {@code last_name}, {@code full_name},
 *                {@code email}, {@code phone}, {@code username}, {@code street_address},
 *                {@code city}, {@code zip}, {@code country}, {@code company}, {@code iban},
 *                {@code ip_address}, {@code ssn}, {@code credit_card}, or {@code shape}: same
 *                character pattern with random letters and digits); null kind = detect
 * @param locale  BCP 47 tag the values are generated for (default en-US)
 */
public record PiiSpec(Map<String, String> columns, String locale) {
}
