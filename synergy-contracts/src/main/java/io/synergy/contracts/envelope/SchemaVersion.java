package io.synergy.contracts.envelope;

/**
 * The version of the wire contract a message was written under. Additive changes (a new optional
 * field, a new event type on a topic) keep the version: readers ignore fields they do not know.
 * A change that an old reader would misread (a renamed or retyped field, a new meaning, a new tensor
 * layout) raises {@link #CURRENT}; readers reject versions outside {@link #OLDEST_READABLE} ..
 * {@link #CURRENT} instead of guessing.
 */
public final class SchemaVersion {

    /** The version this build writes. */
    public static final int CURRENT = 1;

    /** The oldest version this build still reads. */
    public static final int OLDEST_READABLE = 1;

    private SchemaVersion() {
    }

    /**
     * Accepts a version this build can read.
     *
     * @param where what carried the version (topic, header), for the error
     * @throws UnsupportedSchemaVersionException naming the version, the readable range and the remedy
     */
    public static int requireReadable(int version, String where) {
        if (version > CURRENT) {
            throw new UnsupportedSchemaVersionException(version, where + ": schema version " + version
                    + " is newer than this reader, which reads versions " + OLDEST_READABLE + " to " + CURRENT
                    + "; upgrade the consumer to a synergy-contracts that reads version " + version);
        }
        if (version < OLDEST_READABLE) {
            throw new UnsupportedSchemaVersionException(version, where + ": schema version " + version
                    + " is older than this reader, which reads versions " + OLDEST_READABLE + " to " + CURRENT
                    + "; the producer must be upgraded");
        }
        return version;
    }
}
