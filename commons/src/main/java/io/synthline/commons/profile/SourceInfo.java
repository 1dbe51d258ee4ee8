package io.synthline.commons.profile;

import java.util.List;

/**
 * What was profiled and how it was read.
 *
 * @param format    {@code csv} or {@code parquet}
 * @param sizeBytes null when the input was a stream of unknown length
 * @param sha256    hex digest of the bytes when known (the platform always knows it)
 * @param csv       the dialect used; null for Parquet
 */
public record SourceInfo(String name, String format, Long sizeBytes, String sha256, CsvDialect csv) {

    /**
     * @param encoding   charset name actually used (after BOM detection)
     * @param bom        whether the file started with a byte order mark
     * @param nullTokens cell texts read as missing
     */
    public record CsvDialect(String delimiter, String quote, String encoding, boolean bom, boolean header,
            List<String> nullTokens) {
        public CsvDialect {
            nullTokens = nullTokens == null ? List.of() : List.copyOf(nullTokens);
        }
    }
}
