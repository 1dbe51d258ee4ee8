package io.synthline.stack;

/**
 * A token request failed. The message explains the likely cause; the OAuth error fields are kept
 * for callers that branch on them.
 */
public class KeycloakTokenException extends RuntimeException {

    private final int httpStatus;
    private final String error;
    private final String errorDescription;

    public KeycloakTokenException(String message, int httpStatus, String error, String errorDescription) {
        super(message);
        this.httpStatus = httpStatus;
        this.error = error;
        this.errorDescription = errorDescription;
    }

    /** HTTP status, or 0 if Keycloak could not be reached. */
    public int httpStatus() {
        return httpStatus;
    }

    /** OAuth {@code error}, e.g. {@code invalid_grant}; null if none. */
    public String error() {
        return error;
    }

    public String errorDescription() {
        return errorDescription;
    }
}
