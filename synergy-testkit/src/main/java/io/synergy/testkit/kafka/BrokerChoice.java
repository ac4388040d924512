package io.synergy.testkit.kafka;

import java.util.Locale;

/**
 * Which broker tests get. {@code AUTO} (the default) takes a container where a Docker engine answers
 * and the embedded broker otherwise. Set {@code -Dsynergy.kafka.broker=embedded|container|auto} or
 * the environment variable {@code SYNERGY_KAFKA_BROKER} to force one.
 */
public enum BrokerChoice {
    AUTO,
    CONTAINER,
    EMBEDDED;

    static final String PROPERTY = "synergy.kafka.broker";
    static final String VARIABLE = "SYNERGY_KAFKA_BROKER";

    /**
     * The choice set by system property, else by environment variable, else {@code AUTO}.
     *
     * @throws IllegalArgumentException naming the setting and the accepted values
     */
    public static BrokerChoice fromEnvironment() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return parse("-D" + PROPERTY, property);
        }
        String variable = System.getenv(VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return parse(VARIABLE, variable);
        }
        return AUTO;
    }

    static BrokerChoice parse(String setting, String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + ": must be auto, container or embedded, got '" + value + "'", e);
        }
    }

    /**
     * The kind of broker to start.
     *
     * @param dockerReachable whether a Docker engine answered
     * @throws IllegalStateException when a container is demanded and no Docker engine answered
     */
    public BrokerKind resolve(boolean dockerReachable) {
        switch (this) {
            case EMBEDDED:
                return BrokerKind.EMBEDDED;
            case CONTAINER:
                if (!dockerReachable) {
                    throw new IllegalStateException("kafka broker: " + PROPERTY + "=container needs a Docker engine,"
                            + " and none answered; unset it to fall back to the embedded broker");
                }
                return BrokerKind.CONTAINER;
            default:
                return dockerReachable ? BrokerKind.CONTAINER : BrokerKind.EMBEDDED;
        }
    }
}
