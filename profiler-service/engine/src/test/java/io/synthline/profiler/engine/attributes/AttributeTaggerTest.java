package io.synthline.profiler.engine.attributes;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthline.commons.profile.AttributeCategory;
import io.synthline.commons.profile.AttributeTag;
import io.synthline.commons.table.ColumnType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributeTaggerTest {
    private final AttributeTagger tagger = new AttributeTagger();

    private List<AttributeTag> tag(String name, ColumnType type, Map<String, Long> counts, List<String> sample) {
        return tagger.tag(new AttributeTagger.Column(name, type, counts, sample, null, null, List.of()), 0.5);
    }

    private static List<String> repeated(int times, String value, int others, String other) {
        List<String> out = new ArrayList<>(Collections.nCopies(times, value));
        out.addAll(Collections.nCopies(others, other));
        return out;
    }

    /** An exact column's shares come from all of its counted values, weighted by count. */
    @Test
    void exactCountsWeighEveryValue() {
        List<AttributeTag> zip = tag("zip", ColumnType.CATEGORICAL, Map.of("12345", 85L, "02139-4307", 5L, "n/a", 10L), List.of());
        assertThat(zip).singleElement().satisfies(t -> {
            assertThat(t.category()).isEqualTo(AttributeCategory.POSTCODE);
            assertThat(t.confidence()).isEqualTo(0.97);
            assertThat(t.evidence()).contains("90.0% of values are postcodes");
        });

        List<AttributeTag> sex = tag("sex", ColumnType.CATEGORICAL, Map.of(" Male", 700L, "Female", 290L, "?", 10L), List.of());
        assertThat(sex).singleElement().satisfies(t -> {
            assertThat(t.category()).isEqualTo(AttributeCategory.SEX_GENDER);
            assertThat(t.evidence()).contains("99.0% of values are sex/gender values");
        });
    }

    /** Without exact counts the sample decides; its repeats count as often as they were drawn. */
    @Test
    void otherwiseTheSampleDecides() {
        List<AttributeTag> uk = tag("code", ColumnType.TEXT, null, repeated(93, "SW1A 1AA", 7, "unknown"));
        assertThat(uk).singleElement().satisfies(t -> {
            assertThat(t.category()).isEqualTo(AttributeCategory.POSTCODE);
            assertThat(t.confidence()).isEqualTo(0.8);
            assertThat(t.evidence()).containsExactly("93.0% of values are UK postcodes");
        });
        assertThat(tag("code", ColumnType.TEXT, null, repeated(85, "SW1A 1AA", 15, "unknown"))).isEmpty();

        List<AttributeTag> icd = tag("diagnosis", ColumnType.TEXT, null, repeated(80, "E11.9", 20, "none"));
        assertThat(icd).singleElement().satisfies(t -> {
            assertThat(t.category()).isEqualTo(AttributeCategory.HEALTH);
            assertThat(t.confidence()).isEqualTo(0.97);
        });
        assertThat(tag("diagnosis", ColumnType.TEXT, null, repeated(79, "E11.9", 21, "none")))
                .singleElement().satisfies(t -> assertThat(t.confidence()).isEqualTo(0.75));
    }
}
