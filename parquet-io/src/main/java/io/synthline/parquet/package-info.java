/**
 * Apache Parquet for the tabular model: a streaming {@link io.synthline.commons.table.RowSource}
 * over flat Parquet files (types taken from the file), a writer for tables and row streams, and
 * format detection so that callers can accept CSV or Parquet alike. A separate module because
 * Parquet Java still needs Hadoop classes at run time (see the pom).
 */
package io.synthline.parquet;
