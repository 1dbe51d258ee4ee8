/**
 * Scheduled work with several replicas: which replica a process is, and running a task once per
 * period across all of them.
 */
package io.synthline.service.scheduling;
