package io.synergy.gateway.messaging;

import io.synergy.contracts.envelope.Envelope;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.envelope.SchemaVersion;
import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.header.Header;
import io.synergy.contracts.header.HopTransfer;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.InferenceResultEvent;
import io.synergy.contracts.inference.StageRejected;
import io.synergy.contracts.topic.Topic;
import io.synergy.gateway.application.StageSink;
import io.synergy.gateway.telemetry.StageTracing;
import io.synergy.contracts.header.TraceParent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Sends stage outputs straight to the next stage's gateway topic, and completions and rejections to
 * {@code synergy.stage.outcomes}, where the executor takes the first completion per request: raw tensor
 * bytes with the contract's headers, or a JSON envelope, keyed by request id. Each ends the stage's span
 * first ({@link StageTracing}) and carries its {@code traceparent}. A plain producer, not the binder
 * (every stage passes here; see {@link io.synergy.contracts.topic.KafkaConnection#hotPathProducerConfig}).
 * Sends are asynchronous: a failed one is logged and counted, and the executor's dispatch deadline
 * sends the request again. Every record carries {@link Header#SENT_AT_MICROS}, stamped as it is handed
 * over (before an outcome's JSON is encoded), so its receiver can time the hop ({@link HopTransfer}).
 */
public final class KafkaStageSink implements StageSink {

    private static final Logger LOG = Logger.getLogger(KafkaStageSink.class.getName());
    private static final EventCodec<InferenceResultEvent> RESULTS = EventCodec.of(InferenceResultEvent.class);
    private static final byte[] SCHEMA_VERSION = utf8(Integer.toString(SchemaVersion.CURRENT));
    private static final byte[] JSON = utf8(Header.JSON);

    private final Producer<byte[], byte[]> producer;
    private final Clock clock;
    private final StageTracing tracing;
    private final Counter forwarded;
    private final Counter completed;
    private final Counter rejected;
    private final Counter failed;

    public KafkaStageSink(Producer<byte[], byte[]> producer, Clock clock, MeterRegistry meters) {
        this(producer, clock, meters, StageTracing.disabled());
    }

    public KafkaStageSink(Producer<byte[], byte[]> producer, Clock clock, MeterRegistry meters, StageTracing tracing) {
        this.producer = producer;
        this.clock = clock;
        this.tracing = tracing;
        this.forwarded = meters.counter("synergy.gateway.stages", "outcome", "forwarded");
        this.completed = meters.counter("synergy.gateway.stages", "outcome", "completed");
        this.rejected = meters.counter("synergy.gateway.stages", "outcome", "rejected");
        this.failed = meters.counter("synergy.gateway.stages", "outcome", "send-failed");
    }

    @Override
    public void forward(ActivationHeaders next, byte[] value) {
        // next already carries the stage span's context (the listener put it on the stage's headers)
        tracing.ended(next.dispatch().requestId(), "forwarded");
        byte[] sentAt = HopTransfer.stamp(clock);
        RecordHeaders headers = new RecordHeaders();
        for (Map.Entry<String, byte[]> header : next.toHeaders().entrySet()) {
            headers.add(header.getKey(), header.getValue());
        }
        headers.add(Header.SENT_AT_MICROS.headerName(), sentAt);
        send(next.topicName(), next.dispatch().requestId(), value, headers);
        forwarded.increment();
    }

    @Override
    public void complete(InferenceCompleted event) {
        sendOutcome(event, event.requestId(), tracing.ended(event.requestId(), "completed"));
        completed.increment();
    }

    @Override
    public void reject(StageRejected event) {
        sendOutcome(event, event.requestId(), tracing.ended(event.requestId(), "rejected"));
        rejected.increment();
    }

    private void sendOutcome(InferenceResultEvent event, String requestId, Optional<TraceParent> trace) {
        byte[] sentAt = HopTransfer.stamp(clock);
        RecordHeaders headers = new RecordHeaders();
        headers.add(Header.SCHEMA_VERSION.headerName(), SCHEMA_VERSION);
        headers.add(Header.EVENT_TYPE.headerName(), utf8(event.getClass().getSimpleName()));
        headers.add(Header.CONTENT_TYPE.headerName(), JSON);
        trace.ifPresent(parent -> headers.add(Header.TRACE_PARENT.headerName(), utf8(parent.text())));
        headers.add(Header.SENT_AT_MICROS.headerName(), sentAt);
        send(Topic.STAGE_OUTCOMES.topicName(), requestId, RESULTS.encode(Envelope.of(event, requestId, clock)), headers);
    }

    private void send(String topic, String requestId, byte[] value, RecordHeaders headers) {
        producer.send(new ProducerRecord<>(topic, null, utf8(requestId), value, headers), (metadata, failure) -> {
            if (failure != null) {
                failed.increment();
                LOG.warning("request " + requestId + ": record to " + topic + " not sent: " + failure);
            }
        });
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
