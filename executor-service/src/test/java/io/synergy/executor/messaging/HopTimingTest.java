package io.synergy.executor.messaging;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.synergy.contracts.envelope.Envelope;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.header.Dispatch;
import io.synergy.contracts.header.Route;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.InferenceResultEvent;
import io.synergy.contracts.tensor.TensorDatatype;
import io.synergy.contracts.tensor.TensorDescriptor;
import io.synergy.contracts.tensor.WireTensor;
import io.synergy.executor.telemetry.HopTransferTimer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executor's two ends of a route's hops: it stamps each dispatch with its clock, and times each
 * stage outcome from the gateway's stamp to the moment it has decoded it.
 */
class HopTimingTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final EventCodec<InferenceResultEvent> RESULTS = EventCodec.of(InferenceResultEvent.class);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<InferenceResultEvent> delivered = new ArrayList<>();
    private final Consumer<Message<?>> outcomes = ExecutorMessaging.outcomes(delivered::add,
            new HopTransferTimer(meters, CLOCK));

    @Test
    void stampsEachDispatchWithTheExecutorsClockInMicroseconds() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        ActivationHeaders headers = new ActivationHeaders(new Dispatch("req-1", "app", 1, Route.parse("gw-a/d1:0-3"),
                NOW.plusSeconds(5)), 0, TensorDescriptor.of(TensorDatatype.INT8, 4));

        new KafkaActivationSender(producer, CLOCK).send(headers, new byte[4]);

        ProducerRecord<byte[], byte[]> record = producer.history().get(0);
        assertThat(new String(record.headers().lastHeader("synergy-sent-at-us").value(), StandardCharsets.UTF_8))
                .isEqualTo(Long.toString(NOW.getEpochSecond() * 1_000_000L));
    }

    @Test
    void timesAnOutcomesHopFromTheGatewaysStampAndDeliversIt() {
        outcomes.accept(outcome("req-1", Long.toString(NOW.getEpochSecond() * 1_000_000L - 2_250)));

        Timer timer = meters.get("synergy.hop.transfer").tag("kind", "outcome").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MICROSECONDS)).isEqualTo(2_250);
        assertThat(delivered).extracting(InferenceResultEvent::requestId).containsExactly("req-1");
    }

    @Test
    void anOutcomeWithoutAReadableStampIsDeliveredButNotTimed() {
        outcomes.accept(outcome("req-1", null));
        outcomes.accept(outcome("req-2", "not a number"));

        assertThat(meters.get("synergy.hop.transfer").tag("kind", "outcome").timer().count()).isZero();
        assertThat(delivered).extracting(InferenceResultEvent::requestId).containsExactly("req-1", "req-2");
    }

    @Test
    void anOutcomeThatDoesNotDecodeIsNeitherTimedNorDelivered() {
        outcomes.accept(MessageBuilder.withPayload("{not json".getBytes(StandardCharsets.UTF_8))
                .setHeader("synergy-sent-at-us", "1".getBytes(StandardCharsets.UTF_8)).build());

        assertThat(meters.get("synergy.hop.transfer").tag("kind", "outcome").timer().count()).isZero();
        assertThat(delivered).isEmpty();
    }

    private static Message<byte[]> outcome(String requestId, String sentAt) {
        InferenceCompleted completed = new InferenceCompleted(requestId, "tiny", "app", 1,
                new WireTensor(TensorDatatype.INT32, List.of(1), new int[] {7}));
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(RESULTS.encode(Envelope.of(completed, requestId, CLOCK)));
        if (sentAt != null) {
            message.setHeader("synergy-sent-at-us", sentAt.getBytes(StandardCharsets.UTF_8));
        }
        return message.build();
    }
}
