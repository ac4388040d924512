package io.synergy.executor.messaging;

import io.synergy.contracts.envelope.Envelope;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.envelope.SchemaVersion;
import io.synergy.contracts.header.Header;
import io.synergy.contracts.inference.InferenceResultEvent;
import io.synergy.contracts.topic.Topic;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes the one outcome of each Kafka-admitted request to {@code synergy.inference.results}, keyed by
 * request id, and returns only once the broker has it (idempotent producer, acks=all): the request's
 * offset is committed after this, so an outcome is never committed without being written.
 */
public final class ResultPublisher implements AutoCloseable {

    private static final EventCodec<InferenceResultEvent> CODEC = EventCodec.of(InferenceResultEvent.class);

    private final Producer<byte[], byte[]> producer;
    private final Clock clock;
    private final Duration timeout;

    public ResultPublisher(Producer<byte[], byte[]> producer, Clock clock, Duration timeout) {
        this.producer = producer;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * @throws IllegalStateException when the broker did not take it within the timeout
     */
    public void publish(InferenceResultEvent result) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Header.SCHEMA_VERSION.headerName(), bytes(Integer.toString(SchemaVersion.CURRENT)));
        headers.add(Header.EVENT_TYPE.headerName(), bytes(result.getClass().getSimpleName()));
        headers.add(Header.CONTENT_TYPE.headerName(), bytes(Header.JSON));
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topic.INFERENCE_RESULTS.topicName(), null,
                bytes(result.requestId()), CODEC.encode(Envelope.of(result, result.requestId(), clock)), headers);
        try {
            producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("results: interrupted writing the outcome of " + result.requestId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("results: the outcome of " + result.requestId() + " was not written within "
                    + timeout + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
