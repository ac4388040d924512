package io.synergy.registry.config;

import io.synergy.registry.messaging.KafkaClients;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The security settings given to the binder reach the registry's plain Kafka clients too (docs/security.md). */
class KafkaSecurityPassThroughTest {

    @Test
    void binderSecuritySettingsReachTheAdminProducerAndReaderClients() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.cloud.stream.kafka.binder.configuration.security.protocol", "SASL_SSL")
                .withProperty("spring.cloud.stream.kafka.binder.configuration.sasl.mechanism", "PLAIN")
                .withProperty("spring.cloud.stream.kafka.binder.configuration.ssl.truststore.location", "/etc/kafka/ca.jks")
                .withProperty("spring.cloud.stream.kafka.binder.configuration.max.poll.records", "7");
        RegistryConfiguration configuration = new RegistryConfiguration();

        KafkaClients clients = configuration.kafkaClients(configuration.kafkaConnection("kafka-1:9093", environment),
                "registry-service");

        for (var config : java.util.List.of(clients.admin(), clients.producer(), clients.reader("synergy.models"))) {
            assertThat(config).containsEntry("bootstrap.servers", "kafka-1:9093")
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "PLAIN")
                    .containsEntry("ssl.truststore.location", "/etc/kafka/ca.jks")
                    .doesNotContainKey("max.poll.records");
        }
    }

    @Test
    void withoutSecuritySettingsTheClientsArePlaintext() {
        RegistryConfiguration configuration = new RegistryConfiguration();

        KafkaClients clients = configuration.kafkaClients(configuration.kafkaConnection("127.0.0.1:9092",
                new MockEnvironment()), "registry-service");

        assertThat(clients.admin()).doesNotContainKeys("security.protocol", "sasl.mechanism");
    }
}
