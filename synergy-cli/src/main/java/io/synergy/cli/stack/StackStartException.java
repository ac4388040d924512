package io.synergy.cli.stack;

/** A component of the local stack did not start or did not become ready in time. */
public final class StackStartException extends RuntimeException {

    public StackStartException(String message) {
        super(message);
    }
}
