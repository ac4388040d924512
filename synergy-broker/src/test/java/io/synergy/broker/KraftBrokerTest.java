package io.synergy.broker;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KraftBrokerTest {

    @Test
    void aTemporaryBrokerListensOnLoopbackCarriesRecordsAndDeletesItsDataOnClose() throws Exception {
        Path data;
        try (KraftBroker broker = KraftBroker.start(BrokerSettings.temporary())) {
            data = broker.dataDirectory();
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
            assertThat(data).isDirectory();

            PlainClients.send(broker.bootstrapServers(), "greetings", "k", "hello");

            assertThat(PlainClients.read(broker.bootstrapServers(), "greetings", 1))
                    .extracting(ConsumerRecord::value).containsExactly("hello");
        }
        assertThat(Files.exists(data)).isFalse();
    }

    @Test
    void settingsRejectAnImpossiblePortOrTimeout() {
        assertThatThrownBy(() -> new BrokerSettings(null, 70_000, Duration.ofSeconds(1)))
                .hasMessageContaining("port: must be 0 (any free port) or 1..65535, got 70000");
        assertThatThrownBy(() -> new BrokerSettings(null, 0, Duration.ZERO))
                .hasMessageContaining("startTimeout: must be positive");
        assertThatThrownBy(() -> BrokerSettings.persistent(null, 9092))
                .hasMessageContaining("dataDirectory: required for a persistent broker");
    }
}
