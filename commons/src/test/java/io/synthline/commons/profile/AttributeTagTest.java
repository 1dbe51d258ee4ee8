package io.synthline.commons.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeTagTest {
    /**
     * The profile document must read the same for the same input; an immutable {@code Set.copyOf}
     * iterated in an order that changed between JVM runs (5 of 6 orders of three roles are wrong).
     */
    @Test
    void rolesIterateInTheEnumsOrderWhateverOrderTheyCameIn() {
        List<AttributeRole> all = List.of(AttributeRole.values());
        for (List<AttributeRole> permutation : permutations(all)) {
            AttributeTag tag = new AttributeTag("c", AttributeCategory.values()[0], new LinkedHashSet<>(permutation),
                    0.5, List.of());
            assertThat(tag.roles()).as("from %s", permutation).containsExactlyElementsOf(all);
        }
        AttributeTag partial = new AttributeTag("c", AttributeCategory.values()[0],
                new LinkedHashSet<>(List.of(AttributeRole.PROTECTED, AttributeRole.QUASI_IDENTIFIER)), 0.5, null);
        assertThat(partial.roles()).containsExactly(AttributeRole.QUASI_IDENTIFIER, AttributeRole.PROTECTED);
        assertThat(new AttributeTag("c", AttributeCategory.values()[0], null, 0.5, null).roles()).isEmpty();
    }

    private static List<List<AttributeRole>> permutations(List<AttributeRole> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<AttributeRole>> out = new ArrayList<>();
        for (AttributeRole first : items) {
            List<AttributeRole> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<AttributeRole> tail : permutations(rest)) {
                List<AttributeRole> p = new ArrayList<>();
                p.add(first);
                p.addAll(tail);
                out.add(p);
            }
        }
        return out;
    }
}
