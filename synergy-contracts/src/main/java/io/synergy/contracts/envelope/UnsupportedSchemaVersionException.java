package io.synergy.contracts.envelope;

/** A message written under a schema version this build does not read (see {@link SchemaVersion}). */
public final class UnsupportedSchemaVersionException extends WireFormatException {

    private final int version;

    public UnsupportedSchemaVersionException(int version, String message) {
        super(message, null);
        this.version = version;
    }

    /** The version the message carried. */
    public int version() {
        return version;
    }
}
