/**
 * The generator's tables (Hibernate Reactive Panache entities): generations, datasets as the
 * generator knows them, fitted models.
 */
package io.synthline.generator.repository;
