package io.synergy.testkit.kafka;

/** Holds the one broker per JVM behind {@link KafkaBroker#shared()}. */
final class SharedKafkaBroker {

    private static KafkaBroker broker;
    private static RuntimeException failure;

    private SharedKafkaBroker() {
    }

    /**
     * Starts the broker on first call. A failed start is remembered, so the tests after the first do
     * not each wait out another start timeout.
     */
    static synchronized KafkaBroker get() {
        if (failure != null) {
            throw new IllegalStateException("kafka broker: the shared broker failed to start earlier: " + failure.getMessage(),
                    failure);
        }
        if (broker == null) {
            try {
                broker = KafkaBroker.start(BrokerChoice.fromEnvironment());
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            // one line per test JVM, so a failing CI log tells which broker the tests had
            System.err.println("synergy-testkit: Kafka broker for tests: " + broker);
            KafkaBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "synergy-kafka-broker-stop"));
        }
        return broker;
    }
}
