package io.synergy.gateway.messaging;

import io.synergy.contracts.envelope.Envelope;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.envelope.SchemaVersion;
import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.header.Header;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.InferenceResultEvent;
import io.synergy.contracts.inference.StageRejected;
import io.synergy.contracts.topic.Topic;
import io.synergy.gateway.application.StageSink;
import io.synergy.gateway.telemetry.StageTracing;
import io.synergy.contracts.header.TraceParent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Sends stage outputs straight to the next stage's gateway topic, and completions and rejections to
 * {@code synergy.stage.outcomes}, where the executor takes the first completion per request: raw tensor
 * bytes with the contract's headers, or a JSON envelope, keyed by request id. Each ends the stage's span
 * first ({@link StageTracing}) and carries its {@code traceparent}.
 */
public final class KafkaStageSink implements StageSink {

    private static final EventCodec<InferenceResultEvent> RESULTS = EventCodec.of(InferenceResultEvent.class);

    private final StreamBridge bridge;
    private final Clock clock;
    private final StageTracing tracing;
    private final Counter forwarded;
    private final Counter completed;
    private final Counter rejected;

    public KafkaStageSink(StreamBridge bridge, Clock clock, MeterRegistry meters) {
        this(bridge, clock, meters, StageTracing.disabled());
    }

    public KafkaStageSink(StreamBridge bridge, Clock clock, MeterRegistry meters, StageTracing tracing) {
        this.bridge = bridge;
        this.clock = clock;
        this.tracing = tracing;
        this.forwarded = meters.counter("synergy.gateway.stages", "outcome", "forwarded");
        this.completed = meters.counter("synergy.gateway.stages", "outcome", "completed");
        this.rejected = meters.counter("synergy.gateway.stages", "outcome", "rejected");
    }

    @Override
    public void forward(ActivationHeaders next, byte[] value) {
        // next already carries the stage span's context (the listener put it on the stage's headers)
        tracing.ended(next.dispatch().requestId(), "forwarded");
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(value)
                .setHeader(KafkaHeaders.KEY, utf8(next.dispatch().requestId()));
        next.toHeaders().forEach(message::setHeader);
        bridge.send(next.topicName(), message.build());
        forwarded.increment();
    }

    @Override
    public void complete(InferenceCompleted event) {
        send(event, event.requestId(), tracing.ended(event.requestId(), "completed"));
        completed.increment();
    }

    @Override
    public void reject(StageRejected event) {
        send(event, event.requestId(), tracing.ended(event.requestId(), "rejected"));
        rejected.increment();
    }

    private void send(InferenceResultEvent event, String requestId, Optional<TraceParent> trace) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(RESULTS.encode(Envelope.of(event, requestId, clock)))
                .setHeader(KafkaHeaders.KEY, utf8(requestId))
                .setHeader(Header.SCHEMA_VERSION.headerName(), utf8(Integer.toString(SchemaVersion.CURRENT)))
                .setHeader(Header.EVENT_TYPE.headerName(), utf8(event.getClass().getSimpleName()))
                .setHeader(Header.CONTENT_TYPE.headerName(), utf8(Header.JSON));
        trace.ifPresent(parent -> message.setHeader(Header.TRACE_PARENT.headerName(), utf8(parent.text())));
        bridge.send(Topic.STAGE_OUTCOMES.topicName(), message.build());
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
