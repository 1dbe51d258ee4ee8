/**
 * Mains that run inside the daemon JVMs (and a one-shot helper JVM), never in the caller's JVM:
 * they compile against the optional server dependencies, which only the recorded daemon classpath
 * provides.
 */
package io.synthline.stack.daemon;
