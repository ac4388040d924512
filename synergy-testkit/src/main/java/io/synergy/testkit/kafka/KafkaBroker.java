package io.synergy.testkit.kafka;

/**
 * A real Kafka broker for tests: Testcontainers' Kafka where a Docker engine is reachable, otherwise
 * a single-node KRaft broker started in this JVM from the Kafka jars. Test code is the same for both:
 * it only needs {@link #bootstrapServers()}.
 * <pre>
 * &#64;ExtendWith(KafkaBrokerExtension.class)
 * class RegistryIT {
 *     &#64;Test
 *     void rebuildsItsStateFromTheTopics(KafkaBroker broker) { ... broker.bootstrapServers() ... }
 * }
 * </pre>
 * Which one runs is chosen by {@link BrokerChoice#fromEnvironment()}.
 */
public interface KafkaBroker extends AutoCloseable {

    /** Where clients connect, e.g. {@code 127.0.0.1:41237}. */
    String bootstrapServers();

    /** Which kind of broker this is. */
    BrokerKind kind();

    /** Stops the broker and removes what it stored. Idempotent. */
    @Override
    void close();

    /**
     * The broker shared by every test of this JVM, started on first use and stopped when the JVM
     * exits. Tests that share it keep apart by using their own topic names.
     */
    static KafkaBroker shared() {
        return SharedKafkaBroker.get();
    }

    /** A broker of its own, for a test that must stop or restart it; the caller closes it. */
    static KafkaBroker start(BrokerChoice choice) {
        return choice.resolve(DockerProbe.dockerReachable()).start();
    }
}
