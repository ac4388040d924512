package io.synergy.testkit.kafka;

import io.synergy.broker.BrokerSettings;
import io.synergy.broker.KraftBroker;

/** The two ways of running a real broker for tests. */
public enum BrokerKind {
    /** Testcontainers' Kafka (the official apache/kafka image of the same version as kafka-clients). */
    CONTAINER {
        @Override
        KafkaBroker start() {
            return ContainerKafkaBroker.start();
        }
    },
    /** A single-node KRaft broker in this JVM (synergy-broker), on free ports of 127.0.0.1. */
    EMBEDDED {
        @Override
        KafkaBroker start() {
            KraftBroker broker = KraftBroker.start(BrokerSettings.temporary());
            return new EmbeddedKafkaBroker(broker);
        }
    };

    abstract KafkaBroker start();
}
