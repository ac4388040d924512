package io.synergy.gateway.messaging;

import io.synergy.contracts.envelope.Envelope;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.measurement.MeasurementEvent;
import io.synergy.contracts.measurement.SegmentTimes;
import io.synergy.contracts.measurement.StageTimesMeasured;
import io.synergy.contracts.topic.Topic;
import io.synergy.gateway.application.ServiceTimeWindow;
import io.synergy.gateway.application.StageScheduler;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Every measurement interval, tells the planner what each device's stages really took: one
 * {@link StageTimesMeasured} per device that ran stages, on {@code synergy.measurements} keyed by
 * device id (the planner's online estimation folds them).
 */
public final class MeasurementPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MeasurementPublisher.class.getName());
    private static final EventCodec<MeasurementEvent> CODEC = EventCodec.of(MeasurementEvent.class);

    private final StageScheduler scheduler;
    private final StreamBridge bridge;
    private final String gatewayId;
    private final Clock clock;
    private final ScheduledFuture<?> task;
    private long windowStartMillis;

    public MeasurementPublisher(StageScheduler scheduler, StreamBridge bridge, String gatewayId, Clock clock,
                                ScheduledExecutorService executor, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("measurement-interval: must be a positive duration, got " + interval);
        }
        this.scheduler = scheduler;
        this.bridge = bridge;
        this.gatewayId = gatewayId;
        this.clock = clock;
        this.windowStartMillis = clock.millis();
        this.task = executor.scheduleWithFixedDelay(this::publishSafely, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Publishes the windows measured since the last call; returns how many devices reported. */
    public int publish() {
        long now = clock.millis();
        long windowMillis = Math.max(0, now - windowStartMillis);
        windowStartMillis = now;
        List<ServiceTimeWindow> windows = scheduler.drainServiceTimes();
        for (ServiceTimeWindow window : windows) {
            List<SegmentTimes> segments = window.segments().stream().map(s -> new SegmentTimes(s.modelName(),
                    s.key().fromLayer(), s.key().toLayer(), s.stages(), s.measuredMicros(), s.modelledMicros())).toList();
            StageTimesMeasured event = new StageTimesMeasured(window.deviceId(), gatewayId, window.loadedEpoch(),
                    windowMillis, segments);
            bridge.send(Topic.MEASUREMENTS.topicName(), MessageBuilder.withPayload(CODEC.encode(Envelope.of(event, clock)))
                    .setHeader(KafkaHeaders.KEY, window.deviceId().getBytes(StandardCharsets.UTF_8)).build());
        }
        return windows.size();
    }

    private void publishSafely() {
        try {
            publish();
        } catch (RuntimeException e) {
            // a lost window only delays the estimate; the next one carries on
            LOG.warning("measurements not published: " + e);
        }
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
