package io.synergy.executor.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.synergy.contracts.header.HopKind;
import io.synergy.contracts.header.HopTransfer;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The hops that end at the executor ({@link HopTransfer#METER}, tag {@code kind} = outcome): a
 * gateway's stamp on a completion or rejection to the moment the executor has decoded it. A record
 * without a readable stamp is not measured.
 */
public final class HopTransferTimer {

    private final Clock clock;
    private final Timer outcomes;

    public HopTransferTimer(MeterRegistry meters, Clock clock) {
        this.clock = clock;
        this.outcomes = Timer.builder(HopTransfer.METER)
                .description("one Kafka hop, the sender's synergy-sent-at-us stamp to the receiver having decoded it")
                .tag(HopTransfer.KIND_TAG, HopKind.OUTCOME.tagValue())
                .serviceLevelObjectives(HopTransfer.BUCKETS.toArray(new Duration[0]))
                .register(meters);
    }

    /** Records one outcome's hop, when {@code sentAt} (the header's value, or null) reads. */
    public void outcomeArrived(byte[] sentAt) {
        HopTransfer.elapsedMicros(sentAt, clock).ifPresent(micros -> outcomes.record(micros, TimeUnit.MICROSECONDS));
    }
}
