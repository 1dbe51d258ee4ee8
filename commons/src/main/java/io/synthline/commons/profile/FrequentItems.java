package io.synthline.commons.profile;

import java.util.List;

/**
 * Most frequent values, most frequent first (ties by value). Exact counts while the column has
 * few distinct values; above that an Apache DataSketches frequent-items estimate, where each count
 * lies within [lowerBound, upperBound].
 *
 * @param otherCount non-missing values not in {@code items}
 */
public record FrequentItems(List<Item> items, long otherCount, boolean exact) {
    public FrequentItems {
        items = List.copyOf(items);
    }

    public record Item(String value, long count, long lowerBound, long upperBound, double share) {
    }
}
