package io.synergy.gateway.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.synergy.contracts.header.HopKind;
import io.synergy.contracts.header.HopTransfer;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The hops that end at this gateway ({@link HopTransfer#METER}, tag {@code kind} = dispatch or
 * activation): the sender's stamp to now, recorded once the record's headers are read. A record
 * without a readable stamp is not measured.
 */
public final class HopTransferTimer {

    private final Clock clock;
    private final Map<HopKind, Timer> timers = new EnumMap<>(HopKind.class);

    public HopTransferTimer(MeterRegistry meters, Clock clock) {
        this.clock = clock;
        for (HopKind kind : new HopKind[] {HopKind.DISPATCH, HopKind.ACTIVATION}) {
            timers.put(kind, Timer.builder(HopTransfer.METER)
                    .description("one Kafka hop, the sender's synergy-sent-at-us stamp to the receiver having read it")
                    .tag(HopTransfer.KIND_TAG, kind.tagValue())
                    .serviceLevelObjectives(HopTransfer.BUCKETS.toArray(new Duration[0]))
                    .register(meters));
        }
    }

    /** Records one hop of this kind, when {@code sentAt} (the header's value, or null) reads. */
    public void arrived(HopKind kind, byte[] sentAt) {
        Timer timer = timers.get(kind);
        if (timer == null) {
            throw new IllegalArgumentException("kind: a gateway receives dispatch and activation hops, got " + kind);
        }
        HopTransfer.elapsedMicros(sentAt, clock).ifPresent(micros -> timer.record(micros, TimeUnit.MICROSECONDS));
    }
}
