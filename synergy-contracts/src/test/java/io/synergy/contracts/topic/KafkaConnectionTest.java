package io.synergy.contracts.topic;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaConnectionTest {

    private static final Map<String, String> BINDER_CONFIGURATION = Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
            "ssl.truststore.location", "/etc/kafka/truststore.jks",
            "ssl.truststore.password", "changeit",
            "max.poll.records", "10",
            "key.serializer", "org.apache.kafka.common.serialization.StringSerializer");

    @Test
    void plainClientsTakeTheSecurityEntriesOfTheBinderConfigurationAndNothingElse() {
        Map<String, Object> config = KafkaConnection.of("broker-1:9093", BINDER_CONFIGURATION).clientConfig();

        assertThat(config).containsEntry("bootstrap.servers", "broker-1:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.jks")
                .containsEntry("ssl.truststore.password", "changeit")
                .containsKey("sasl.jaas.config")
                .doesNotContainKeys("max.poll.records", "key.serializer");
    }

    @Test
    void theLocalBrokerIsPlaintextAndSecretsNeverReachToString() {
        assertThat(KafkaConnection.plaintext("127.0.0.1:9092").clientConfig()).containsOnlyKeys("bootstrap.servers");
        assertThat(KafkaConnection.of("b:9093", BINDER_CONFIGURATION).toString())
                .contains("sasl.jaas.config").doesNotContain("password=").doesNotContain("changeit");
    }
}
