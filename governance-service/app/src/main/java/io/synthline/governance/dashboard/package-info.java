/**
 * The compliance dashboard: server-rendered pages (Qute) for the signed-in user, with the evidence
 * fetched from the other services in the user's session.
 */
package io.synthline.governance.dashboard;
