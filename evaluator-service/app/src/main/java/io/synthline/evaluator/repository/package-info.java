/** The evaluator's tables (Hibernate Reactive Panache entities). */
package io.synthline.evaluator.repository;
