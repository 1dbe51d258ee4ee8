/**
 * The Synthline local stack: real PostgreSQL, Kafka (KRaft) and Keycloak on 127.0.0.1, without
 * Docker.
 *
 * <p>Entry points: {@link io.synthline.stack.LocalStack} ({@code up/down/status/purge}),
 * {@link io.synthline.stack.StackConfig} (ports, data and cache dirs),
 * {@link io.synthline.stack.StackEndpoints} (URLs and dev credentials),
 * {@link io.synthline.stack.KeycloakTokens} (tokens for demo users and the service client) and
 * {@link io.synthline.stack.StackMain} (the {@code synth stack} command line).
 *
 * <p>Each server runs as a detached child process that survives the JVM which started it, so that
 * {@code synth stack up} can return. Processes are recorded in {@code <dataDir>/stack.json} and are
 * also recognised by their command line (data dir markers), which keeps {@code down()} working when
 * that file is stale or lost.
 *
 * <p>The server artifacts are optional Maven dependencies of this module: consumers get none of
 * them on their classpath. The daemon JVMs run with a classpath recorded at build time from the
 * local Maven repository; the same repository holds the Keycloak zip. Only classes in
 * {@code io.synthline.stack.daemon} touch those artifacts, and only inside the daemon JVMs.
 */
package io.synthline.stack;
