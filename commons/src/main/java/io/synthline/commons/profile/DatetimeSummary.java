package io.synthline.commons.profile;

/**
 * @param min       earliest value, written in the column's format
 * @param max       latest value, written in the column's format
 * @param rangeDays span between min and max in days
 * @param histogram edges in epoch milliseconds (UTC)
 */
public record DatetimeSummary(String min, String max, long minEpochMillis, long maxEpochMillis, double rangeDays,
        Quantiles quantiles, Histogram histogram) {
}
