package io.synthline.commons.api;

/**
 * @param format            {@code csv} (default) or {@code parquet}
 * @param provenanceColumns add {@code _synth_run} and {@code _synth_row} so every row can be traced
 *                          to its run and regenerated alone
 */
public record OutputSpec(String format, Boolean provenanceColumns) {
}
