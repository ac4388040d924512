package io.synergy.gateway.messaging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.header.Dispatch;
import io.synergy.contracts.header.Route;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.StageRejected;
import io.synergy.contracts.inference.StageRejection;
import io.synergy.contracts.tensor.TensorDatatype;
import io.synergy.contracts.tensor.TensorDescriptor;
import io.synergy.contracts.tensor.WireTensor;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every record the sink writes carries the sender's clock, so its receiver can time the hop. */
class KafkaStageSinkTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00.000250Z");
    private static final String NOW_MICROS = "1795773600000250";

    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    private final KafkaStageSink sink = new KafkaStageSink(producer, Clock.fixed(NOW, ZoneOffset.UTC),
            new SimpleMeterRegistry());

    private static final Dispatch DISPATCH = new Dispatch("req-1", "app", 2, Route.parse("gw-a/d1:0-2;gw-b/d2:2-3"),
            NOW.plusSeconds(5));

    @Test
    void stampsAForwardedActivationWithTheSendersClockInMicroseconds() {
        ActivationHeaders next = new ActivationHeaders(DISPATCH, 1, TensorDescriptor.of(TensorDatatype.INT8, 8));

        sink.forward(next, new byte[8]);

        ProducerRecord<byte[], byte[]> record = producer.history().get(0);
        assertThat(record.topic()).isEqualTo("synergy.activations.gw-b");
        assertThat(sentAt(record)).isEqualTo(NOW_MICROS);
    }

    @Test
    void stampsCompletionsAndRejectionsOnTheOutcomesTopic() {
        sink.complete(new InferenceCompleted("req-1", "tiny", "app", 2,
                new WireTensor(TensorDatatype.INT32, List.of(2), new int[] {1, 2})));
        sink.reject(new StageRejected("req-2", "app", 2, 0, "d1", StageRejection.QUEUE_FULL, 2, "queue full"));

        assertThat(producer.history()).hasSize(2).allSatisfy(record -> {
            assertThat(record.topic()).isEqualTo("synergy.stage.outcomes");
            assertThat(sentAt(record)).isEqualTo(NOW_MICROS);
        });
    }

    private static String sentAt(ProducerRecord<byte[], byte[]> record) {
        return new String(record.headers().lastHeader("synergy-sent-at-us").value(), StandardCharsets.UTF_8);
    }
}
