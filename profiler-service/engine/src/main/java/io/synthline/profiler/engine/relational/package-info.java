/**
 * Profiling of datasets made of several tables: keys proposed from the data when no metadata
 * came with it, and the sequences of sequential tables.
 */
package io.synthline.profiler.engine.relational;
