package io.synergy.gateway.application;

/** An injected fault that makes no sense in the device's state, e.g. leaving twice. */
public final class FaultTransitionException extends RuntimeException {

    public FaultTransitionException(String message) {
        super(message);
    }
}
