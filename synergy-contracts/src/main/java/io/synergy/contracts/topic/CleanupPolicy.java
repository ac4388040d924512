package io.synergy.contracts.topic;

/** Kafka's {@code cleanup.policy}: what the broker does with old records of a topic. */
public enum CleanupPolicy {
    /** Keep the last record per key (state topics; a null value is a tombstone that deletes the key). */
    COMPACT("compact"),
    /** Drop records older than the retention (streams of work: requests, results, activations). */
    DELETE("delete");

    private final String configValue;

    CleanupPolicy(String configValue) {
        this.configValue = configValue;
    }

    /** The value of {@code cleanup.policy} as Kafka spells it. */
    public String configValue() {
        return configValue;
    }
}
