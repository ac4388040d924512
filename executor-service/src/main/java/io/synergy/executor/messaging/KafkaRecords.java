package io.synergy.executor.messaging;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reading the raw parts of a Kafka record as the binder hands it over (native decoding, byte arrays). */
final class KafkaRecords {

    private KafkaRecords() {
    }

    /** The value, or empty for a tombstone (the binder gives a KafkaNull payload for a null value). */
    static Optional<byte[]> value(Message<?> message) {
        Object payload = message.getPayload();
        return payload instanceof byte[] ? Optional.of((byte[]) payload) : Optional.empty();
    }

    /** The record key as text, or empty when the record has none. */
    static Optional<String> key(Message<?> message) {
        Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        if (key instanceof byte[]) {
            return Optional.of(new String((byte[]) key, StandardCharsets.UTF_8));
        }
        return key instanceof String ? Optional.of((String) key) : Optional.empty();
    }
}
