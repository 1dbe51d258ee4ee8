/** The profiler's tables (Hibernate Reactive Panache entities). */
package io.synthline.profiler.repository;
