package io.synergy.core.planning;

/** An exact search was asked to solve an instance beyond its limit; names the size and the limit. */
public final class InstanceTooLargeException extends RuntimeException {

    public InstanceTooLargeException(String message) {
        super(message);
    }
}
