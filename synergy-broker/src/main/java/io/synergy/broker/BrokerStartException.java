package io.synergy.broker;

/** The broker did not come up: it failed, or did not accept clients within its start timeout. */
public final class BrokerStartException extends RuntimeException {

    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
