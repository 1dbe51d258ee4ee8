/**
 * Synthesis of datasets made of several related tables. Parents come first; every table's
 * single-table model (the tree model by default) learns its own columns together with, for every
 * child relationship, the number of children per row, and a child table's model also has its
 * parent row's columns as given columns ({@link io.synthline.generator.engine.sampling.GivenColumns}),
 * so child rows are drawn for each generated parent row, from p(child columns | parent columns).
 * Keys are generated, never copied: primary keys are unique, every foreign key points at a
 * generated parent row, optional foreign keys keep their share of missing values. Sequential
 * tables are drawn event by event ({@link SequenceModel}).
 */
package io.synthline.generator.engine.relational;
