package io.synthline.service.problem;

import io.synthline.commons.api.BadInputException;

/**
 * A resource that does not exist for the caller's tenant. Deliberately the same answer whether it
 * exists for another tenant or not at all, so tenants cannot probe each other's ids.
 */
public final class NotFound extends BadInputException {
    /** The id as a UUID; a malformed id is just another id that does not exist. */
    public static java.util.UUID parseId(String kind, String id) {
        try {
            return java.util.UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFound(kind, id);
        }
    }

    public NotFound(String kind, String id) {
        super("not-found", 404, "no " + kind + " with id '" + id + "'");
        detail("resource", kind);
    }
}
