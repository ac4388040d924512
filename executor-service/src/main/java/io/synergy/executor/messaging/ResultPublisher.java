package io.synergy.executor.messaging;

import io.synergy.contracts.envelope.Envelope;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.header.Header;
import io.synergy.contracts.envelope.SchemaVersion;
import io.synergy.contracts.inference.InferenceResultEvent;
import io.synergy.contracts.topic.Topic;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Writes outcomes of Kafka-admitted requests to {@code synergy.inference.results}, keyed by request id. */
public final class ResultPublisher {

    private static final EventCodec<InferenceResultEvent> CODEC = EventCodec.of(InferenceResultEvent.class);

    private final StreamBridge bridge;
    private final Clock clock;

    public ResultPublisher(StreamBridge bridge, Clock clock) {
        this.bridge = bridge;
        this.clock = clock;
    }

    public void publish(InferenceResultEvent result) {
        byte[] value = CODEC.encode(Envelope.of(result, result.requestId(), clock));
        bridge.send(Topic.INFERENCE_RESULTS.topicName(), MessageBuilder.withPayload(value)
                .setHeader(KafkaHeaders.KEY, result.requestId().getBytes(StandardCharsets.UTF_8))
                .setHeader(Header.SCHEMA_VERSION.headerName(), bytes(Integer.toString(SchemaVersion.CURRENT)))
                .setHeader(Header.EVENT_TYPE.headerName(), bytes(result.getClass().getSimpleName()))
                .setHeader(Header.CONTENT_TYPE.headerName(), bytes(Header.JSON))
                .build());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
