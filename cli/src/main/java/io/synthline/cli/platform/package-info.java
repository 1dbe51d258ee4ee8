/**
 * Runs the platform on this machine for {@code synth demo} and the end-to-end tests: the four
 * services as processes on the local stack, the gateway that routes one address the way the
 * Kubernetes Ingress does, and the demo's scripted run.
 */
package io.synthline.cli.platform;
