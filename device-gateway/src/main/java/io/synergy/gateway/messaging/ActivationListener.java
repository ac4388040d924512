package io.synergy.gateway.messaging;

import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.header.Header;
import io.synergy.contracts.header.HopKind;
import io.synergy.contracts.inference.StageRejected;
import io.synergy.contracts.inference.StageRejection;
import io.synergy.gateway.application.StageScheduler;
import io.synergy.gateway.application.Stage;
import io.synergy.gateway.application.StageSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.messaging.Message;
import io.synergy.gateway.telemetry.HopTransferTimer;
import io.synergy.gateway.telemetry.StageTracing;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Takes the records of {@code synergy.activations.<gatewayId>} off the consumer thread into the
 * devices' queues. Backpressure: when the stage's device queue is full, the consumer thread waits
 * for room instead of polling, which pauses consumption of the gateway's topic (one partition, so
 * this is what a partition pause would do) without dropping anything. A wait that outlasts
 * {@code max-admission-wait} gives the stage back to the executor as {@link StageRejection#QUEUE_FULL}
 * before Kafka would consider the consumer dead. Each record's hop ({@link HopTransferTimer}) ends once
 * its headers are read, before the stage waits for its device.
 */
public final class ActivationListener implements Consumer<Message<byte[]>> {

    private static final Logger LOG = Logger.getLogger(ActivationListener.class.getName());

    private final StageScheduler scheduler;
    private final StageSink sink;
    private final Duration maxAdmissionWait;
    private final Counter malformed;
    private final StageTracing tracing;
    private final HopTransferTimer hops;
    /** The logging MDC key of the request a log line is about (logging.pattern.correlation prints it). */
    static final String REQUEST_ID_MDC = "requestId";

    public ActivationListener(StageScheduler scheduler, StageSink sink, Duration maxAdmissionWait, MeterRegistry meters) {
        this(scheduler, sink, maxAdmissionWait, meters, StageTracing.disabled());
    }

    public ActivationListener(StageScheduler scheduler, StageSink sink, Duration maxAdmissionWait, MeterRegistry meters,
                              StageTracing tracing) {
        this(scheduler, sink, maxAdmissionWait, meters, tracing, Clock.systemUTC());
    }

    /** @param wallClock the clock the senders' {@link Header#SENT_AT_MICROS} stamps are compared with */
    public ActivationListener(StageScheduler scheduler, StageSink sink, Duration maxAdmissionWait, MeterRegistry meters,
                              StageTracing tracing, Clock wallClock) {
        this.hops = new HopTransferTimer(meters, wallClock);
        this.scheduler = scheduler;
        this.tracing = tracing;
        this.sink = sink;
        this.maxAdmissionWait = maxAdmissionWait;
        this.malformed = meters.counter("synergy.gateway.stages", "outcome", "malformed");
    }

    @Override
    public void accept(Message<byte[]> message) {
        ActivationHeaders headers;
        try {
            headers = ActivationHeaders.fromHeaders(name -> RecordHeaders.bytes(message.getHeaders(), name));
        } catch (RuntimeException e) {
            // Without readable headers there is no request to answer; the executor's deadline covers it.
            malformed.increment();
            LOG.warning("activation record skipped: " + e.getMessage());
            return;
        }
        hops.arrived(HopKind.ofActivation(headers),
                RecordHeaders.bytes(message.getHeaders(), Header.SENT_AT_MICROS.headerName()));
        ActivationHeaders traced = tracing.opened(headers);
        MDC.put(REQUEST_ID_MDC, headers.dispatch().requestId());
        traced.trace().ifPresent(trace -> {
            MDC.put("traceId", trace.traceId());
            MDC.put("spanId", trace.parentSpanId());
        });
        try {
            admit(new Stage(traced, message.getPayload()));
        } finally {
            MDC.remove(REQUEST_ID_MDC);
            MDC.remove("traceId");
            MDC.remove("spanId");
        }
    }

    private void admit(Stage stage) {
        ActivationHeaders headers = stage.headers();
        long deadline = System.nanoTime() + maxAdmissionWait.toNanos();
        try {
            while (scheduler.submit(stage) == StageScheduler.Admission.FULL) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0 || !scheduler.awaitRoom(stage.deviceId(), remaining)) {
                    sink.reject(new StageRejected(stage.requestId(), headers.dispatch().appId(),
                            headers.dispatch().epoch(), headers.stageIndex(), stage.deviceId(), StageRejection.QUEUE_FULL,
                            scheduler.loadedEpoch(stage.deviceId()), "queue: device " + stage.deviceId()
                            + " stayed full for max-admission-wait " + maxAdmissionWait.toMillis() + " ms"));
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("activation of request " + stage.requestId()
                    + ": interrupted while waiting for room on device " + stage.deviceId(), e);
        }
    }
}
