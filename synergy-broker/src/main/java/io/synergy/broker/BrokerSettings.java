package io.synergy.broker;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run a single-node broker.
 *
 * @param dataDirectory where the broker keeps its logs and metadata; null for a fresh temporary
 *                      directory that {@link KraftBroker#close()} deletes
 * @param port          the client port on 127.0.0.1; 0 for a free port chosen at start
 * @param startTimeout  how long {@link KraftBroker#start} waits for the broker to accept clients
 */
public record BrokerSettings(Path dataDirectory, int port, Duration startTimeout) {

    /** Enough for a cold JVM on two busy cores; a healthy start takes a few seconds. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);

    public BrokerSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port: must be 0 (any free port) or 1..65535, got " + port);
        }
        if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout: must be positive, got " + startTimeout);
        }
    }

    /** A throw-away broker for tests: temporary data, a free port. */
    public static BrokerSettings temporary() {
        return new BrokerSettings(null, 0, DEFAULT_START_TIMEOUT);
    }

    /** A broker whose data survives restarts (the local launcher's). */
    public static BrokerSettings persistent(Path dataDirectory, int port) {
        if (dataDirectory == null) {
            throw new IllegalArgumentException("dataDirectory: required for a persistent broker, got null");
        }
        return new BrokerSettings(dataDirectory, port, DEFAULT_START_TIMEOUT);
    }

    public BrokerSettings withStartTimeout(Duration timeout) {
        return new BrokerSettings(dataDirectory, port, timeout);
    }

    public boolean temporaryData() {
        return dataDirectory == null;
    }
}
