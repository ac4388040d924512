package io.synergy.contracts.envelope;

/** A message that is not what the contract says: missing or ill-typed field, unknown event type, bad header. */
public final class MalformedMessageException extends WireFormatException {

    public MalformedMessageException(String message) {
        super(message, null);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
