/**
 * Stores and profiles uploads with the profiler engine and announces them (dataset.registered,
 * dataset.profiled) through the outbox; deletes a dataset when governance asks for it.
 */
package io.synthline.profiler.service;
