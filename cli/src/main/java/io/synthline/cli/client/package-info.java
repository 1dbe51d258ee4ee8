/**
 * The CLI's side of the platform's REST API: endpoints, the logged-in session (OIDC tokens kept in
 * the user's config directory), typed calls returning the {@code commons.api} views, and the
 * watcher that follows a run until its release decision.
 */
package io.synthline.cli.client;
