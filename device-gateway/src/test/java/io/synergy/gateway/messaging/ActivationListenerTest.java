package io.synergy.gateway.messaging;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.header.Dispatch;
import io.synergy.contracts.header.Route;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.StageRejected;
import io.synergy.contracts.inference.StageRejection;
import io.synergy.contracts.tensor.TensorDatatype;
import io.synergy.contracts.tensor.TensorDescriptor;
import io.synergy.core.accelerator.AcceleratorSpec;
import io.synergy.core.accelerator.Emulator;
import io.synergy.core.accelerator.SegmentCostModel;
import io.synergy.core.network.Model;
import io.synergy.gateway.TinyModels;
import io.synergy.gateway.application.DeviceClock;
import io.synergy.gateway.application.DeviceSetup;
import io.synergy.gateway.application.LinkModel;
import io.synergy.gateway.application.LoadedSegment;
import io.synergy.gateway.application.SegmentKey;
import io.synergy.gateway.application.StageRunner;
import io.synergy.gateway.application.StageScheduler;
import io.synergy.gateway.application.StageSink;
import io.synergy.gateway.application.TimeScale;
import io.synergy.gateway.telemetry.StageTracing;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backpressure at the consumer: a full device queue holds the consumer thread (no polling, nothing
 * dropped) until there is room, and gives the stage back only after max-admission-wait.
 */
class ActivationListenerTest {

    private static final Model MODEL = TinyModels.classifier("tiny", 9);

    /** Runs nothing until the test releases it: stages stay running, so queues stay full. */
    private static final class HeldClock implements DeviceClock {
        private final List<Runnable> held = new CopyOnWriteArrayList<>();

        @Override
        public long nanoTime() {
            return 0;
        }

        @Override
        public Instant wallTime() {
            return Instant.EPOCH;
        }

        @Override
        public void schedule(long delayNanos, Runnable task) {
            held.add(task);
        }

        /** Runs every held task, and those they schedule, until none is left. */
        void releaseAll() {
            while (!held.isEmpty()) {
                Runnable task = held.remove(0);
                task.run();
            }
        }
    }

    private static final class Sink implements StageSink {
        final List<StageRejected> rejected = new CopyOnWriteArrayList<>();
        final List<String> forwarded = new CopyOnWriteArrayList<>();

        @Override
        public void forward(ActivationHeaders next, byte[] value) {
            forwarded.add(next.dispatch().requestId());
        }

        @Override
        public void complete(InferenceCompleted completed) {
        }

        @Override
        public void reject(StageRejected event) {
            rejected.add(event);
        }
    }

    private final HeldClock clock = new HeldClock();
    private final Sink sink = new Sink();
    private final StageScheduler scheduler = scheduler();

    private StageScheduler scheduler() {
        StageScheduler scheduler = new StageScheduler(
                List.of(new DeviceSetup("dev-a", AcceleratorSpec.MAX78000, List.of(), null, new LinkModel(1_000_000, 0), 100)),
                1, new StageScheduler.SchedulerTiming(clock, TimeScale.REAL_TIME), StageRunner.arithmetic(), sink);
        SegmentKey key = new SegmentKey("app", 0, 2);
        scheduler.install("dev-a", 1, Map.of(key, new LoadedSegment(key, "tiny", MODEL,
                new SegmentCostModel().profile(MODEL.network(), 0, 2, AcceleratorSpec.MAX78000), new Emulator(MODEL))));
        return scheduler;
    }

    private static Message<byte[]> record(String requestId) {
        ActivationHeaders headers = new ActivationHeaders(new Dispatch(requestId, "app", 1,
                Route.parse("gw/dev-a:0-2;gw/dev-b:2-3"), Instant.parse("2026-11-27T10:00:00Z")), 0,
                new TensorDescriptor(TensorDatatype.INT8, List.of(4, 8, 8)));
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(TinyModels.input(MODEL, 1).toByteArray());
        headers.toHeaders().forEach(message::setHeader);
        return message.build();
    }

    @Test
    void holdsTheConsumerThreadWhileTheDeviceQueueIsFullAndQueuesTheStageOnceThereIsRoom() throws Exception {
        ActivationListener listener = new ActivationListener(scheduler, sink, Duration.ofSeconds(30),
                new SimpleMeterRegistry());
        listener.accept(record("r1"));   // starts (its execution is held)
        listener.accept(record("r2"));   // fills the queue of one

        CompletableFuture<Void> third = CompletableFuture.runAsync(() -> listener.accept(record("r3")));
        assertThat(third).failsWithin(Duration.ofMillis(200)).withThrowableOfType(java.util.concurrent.TimeoutException.class);

        clock.releaseAll();            // r1 runs and completes; r2 starts, which frees the queue
        third.get(30, TimeUnit.SECONDS);
        clock.releaseAll();

        assertThat(sink.forwarded).containsExactly("r1", "r2", "r3");
        assertThat(sink.rejected).isEmpty();
    }

    @Test
    void givesTheStageBackAsQueueFullWhenTheQueueStaysFullForMaxAdmissionWait() {
        ActivationListener listener = new ActivationListener(scheduler, sink, Duration.ZERO, new SimpleMeterRegistry());
        listener.accept(record("r1"));
        listener.accept(record("r2"));

        listener.accept(record("r3"));

        assertThat(sink.rejected).singleElement().satisfies(r -> {
            assertThat(r.requestId()).isEqualTo("r3");
            assertThat(r.reason()).isEqualTo(StageRejection.QUEUE_FULL);
            assertThat(r.message()).contains("dev-a", "max-admission-wait");
        });
    }

    @Test
    void skipsARecordWithoutReadableHeadersAndCountsIt() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ActivationListener listener = new ActivationListener(scheduler, sink, Duration.ZERO, meters);

        listener.accept(MessageBuilder.withPayload(new byte[3]).setHeader("synergy-schema-version", "1").build());

        assertThat(meters.counter("synergy.gateway.stages", "outcome", "malformed").count()).isEqualTo(1);
        assertThat(sink.rejected).isEmpty();
    }

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private static Message<byte[]> stamped(String requestId, int stageIndex, String sentAtMicros) {
        ActivationHeaders headers = new ActivationHeaders(new Dispatch(requestId, "app", 1,
                Route.parse("gw/dev-a:0-2;gw/dev-b:2-3"), NOW.plusSeconds(5)), stageIndex,
                new TensorDescriptor(TensorDatatype.INT8, List.of(4, 8, 8)));
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(TinyModels.input(MODEL, 1).toByteArray());
        headers.toHeaders().forEach(message::setHeader);
        if (sentAtMicros != null) {
            message.setHeader("synergy-sent-at-us", sentAtMicros.getBytes(StandardCharsets.UTF_8));
        }
        return message.build();
    }

    private static String microsBeforeNow(long micros) {
        return Long.toString(NOW.getEpochSecond() * 1_000_000L - micros);
    }

    @Test
    void timesTheHopOfEachRecordFromItsSentAtStampByKind() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ActivationListener listener = new ActivationListener(scheduler, sink, Duration.ofSeconds(30), meters,
                StageTracing.disabled(), Clock.fixed(NOW, ZoneOffset.UTC));

        listener.accept(stamped("r1", 0, microsBeforeNow(1_500)));   // from the executor
        listener.accept(stamped("r2", 1, microsBeforeNow(3_000)));   // from the gateway of stage 0

        Timer dispatch = meters.get("synergy.hop.transfer").tag("kind", "dispatch").timer();
        Timer activation = meters.get("synergy.hop.transfer").tag("kind", "activation").timer();
        assertThat(dispatch.count()).isEqualTo(1);
        assertThat(dispatch.totalTime(TimeUnit.MICROSECONDS)).isEqualTo(1_500);
        assertThat(activation.count()).isEqualTo(1);
        assertThat(activation.totalTime(TimeUnit.MICROSECONDS)).isEqualTo(3_000);
    }

    @Test
    void aRecordWithoutAReadableStampIsServedButNotTimed() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ActivationListener listener = new ActivationListener(scheduler, sink, Duration.ofSeconds(30), meters,
                StageTracing.disabled(), Clock.fixed(NOW, ZoneOffset.UTC));

        listener.accept(stamped("r1", 0, null));
        listener.accept(stamped("r2", 0, "yesterday"));
        clock.releaseAll();

        assertThat(meters.get("synergy.hop.transfer").tag("kind", "dispatch").timer().count()).isZero();
        assertThat(sink.forwarded).containsExactly("r1", "r2");
    }

    @Test
    void theHopTimerHasTheContractsFixedBucketsFineBelowFiveMilliseconds() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new ActivationListener(scheduler, sink, Duration.ZERO, meters);

        Timer dispatch = meters.get("synergy.hop.transfer").tag("kind", "dispatch").timer();
        assertThat(dispatch.takeSnapshot().histogramCounts()).extracting(c -> c.bucket(TimeUnit.MILLISECONDS))
                .contains(0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 1_000.0);
    }
}
