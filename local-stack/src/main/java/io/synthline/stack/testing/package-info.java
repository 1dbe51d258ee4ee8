/**
 * Test support for Quarkus services: {@link io.synthline.stack.testing.LocalStackTestResource}
 * points a {@code @QuarkusTest} at the shared local stack. Needs quarkus-test-common on the test
 * classpath (any Quarkus test has it); this module only compiles against it.
 */
package io.synthline.stack.testing;
