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

    /**
     * A record header's value as the contract's UTF-8 bytes, whichever form the binder's header mapper
     * gave it (raw bytes, or a string for a header it trusts); null when the record has none.
     */
    static byte[] header(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        if (value instanceof byte[]) {
            return (byte[]) value;
        }
        return value == null ? null : value.toString().getBytes(StandardCharsets.UTF_8);
    }
}
