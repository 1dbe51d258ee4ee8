package io.synthline.stack;

/**
 * A failure of the local stack with a message written for the person at the terminal: what went
 * wrong, where to look (log tail included when a server failed) and what to change.
 */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
