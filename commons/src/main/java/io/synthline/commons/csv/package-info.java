/**
 * CSV IO on top of FastCSV: a streaming row source with line numbers in every error, type
 * inference over that stream, and reading into / writing from the columnar {@link io.synthline.commons.table.Table}.
 */
package io.synthline.commons.csv;
