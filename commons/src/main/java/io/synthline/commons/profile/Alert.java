package io.synthline.commons.profile;

import java.util.List;

/**
 * @param columns the column(s) concerned; empty for table-level alerts
 * @param value   the measured quantity that triggered the alert (share, count, coefficient, ...)
 * @param threshold the configured threshold it crossed
 */
public record Alert(AlertKind kind, Severity severity, List<String> columns, String message, Double value,
        Double threshold) {
    public Alert {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    public enum Severity {
        INFO,
        WARNING,
        ERROR
    }
}
