package io.synergy.testkit.kafka;

import io.synergy.broker.KraftBroker;

/** The in-process KRaft broker of synergy-broker, with temporary data deleted on close. */
final class EmbeddedKafkaBroker implements KafkaBroker {

    private final KraftBroker broker;

    EmbeddedKafkaBroker(KraftBroker broker) {
        this.broker = broker;
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.EMBEDDED;
    }

    @Override
    public void close() {
        broker.close();
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[" + broker + "]";
    }
}
