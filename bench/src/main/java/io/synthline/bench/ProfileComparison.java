package io.synthline.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthline.commons.json.Json;
import io.synthline.commons.profile.DatasetProfile;

/** Compares two profiles of the same data, ignoring what legitimately differs between runs (time, thread count). */
public final class ProfileComparison {
    private ProfileComparison() {
    }

    public static boolean sameContent(DatasetProfile a, DatasetProfile b) {
        return normalized(a).equals(normalized(b));
    }

    public static String normalized(DatasetProfile p) {
        ObjectNode node = Json.mapper().valueToTree(p);
        node.remove("profiledAt");
        ((ObjectNode) node.get("settings")).remove("threads");
        return Json.write(node);
    }
}
