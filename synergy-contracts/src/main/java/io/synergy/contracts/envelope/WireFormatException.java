package io.synergy.contracts.envelope;

/**
 * A message that this build cannot read. Its text names the field, what was found and what is
 * needed; a consumer logs it and skips (or dead-letters) the record instead of retrying it forever.
 */
public abstract sealed class WireFormatException extends RuntimeException
        permits UnsupportedSchemaVersionException, MalformedMessageException {

    protected WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
