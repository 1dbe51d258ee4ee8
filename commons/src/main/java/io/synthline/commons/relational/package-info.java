/**
 * Datasets made of several related tables: the metadata (tables, primary keys, foreign keys,
 * sequential tables), reading a directory or zip of CSV files with an optional metadata document
 * (SDV's multi-table metadata format, with composite keys allowed), and writing one back.
 */
package io.synthline.commons.relational;
