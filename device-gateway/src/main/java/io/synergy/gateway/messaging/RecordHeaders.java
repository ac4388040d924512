package io.synergy.gateway.messaging;

import org.springframework.messaging.MessageHeaders;

import java.nio.charset.StandardCharsets;

/**
 * Reads a Kafka record header as the contract's UTF-8 bytes, whichever form the binder's header
 * mapper gave it: raw bytes (a plain producer, kcat) or a string.
 */
final class RecordHeaders {

    private RecordHeaders() {
    }

    static byte[] bytes(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[]) {
            return (byte[]) value;
        }
        if (value instanceof String) {
            return ((String) value).getBytes(StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString().getBytes(StandardCharsets.UTF_8);
    }
}
