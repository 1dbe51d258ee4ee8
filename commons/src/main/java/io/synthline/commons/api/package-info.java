/**
 * The REST contracts shared by the services and the CLI client: request and view records, RFC
 * 9457 problem details ({@link io.synthline.commons.api.Problem}) and the exception that becomes a
 * problem in the user's terms ({@link io.synthline.commons.api.BadInputException}, 400 unless it
 * says otherwise).
 */
package io.synthline.commons.api;
