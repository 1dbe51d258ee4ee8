/**
 * Shared contracts of the Synthline platform: the event envelopes every service publishes, the
 * API documents clients see, the tabular data model and its CSV IO. Framework-free on purpose:
 * engines, services and the CLI all speak these types, so there is one definition of each.
 */
package io.synthline.commons;
