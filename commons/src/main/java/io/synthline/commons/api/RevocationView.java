package io.synthline.commons.api;

/** The answer of revoking a user's access to a dataset: how many active grants were revoked (0 when there was none). */
public record RevocationView(int revoked) {
}
