/**
 * The columnar in-memory table every engine works on. Numbers (integers, decimals, datetimes as
 * epoch milliseconds) live in {@code double[]} with NaN for missing; everything else is
 * dictionary-encoded ({@code int[]} codes, -1 for missing). Both keep per-row cost at 8 or 4
 * bytes, which is what lets a million-row, fifty-column table fit in a small heap.
 */
package io.synthline.commons.table;
