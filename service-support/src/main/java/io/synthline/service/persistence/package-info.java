/**
 * Bridging blocking code (workers, blocking endpoints) to Hibernate Reactive, which needs a Vert.x
 * context.
 */
package io.synthline.service.persistence;
