package io.synergy.gateway.application;

import java.time.Duration;

/**
 * The fleet-wide factor between the silicon's modelled time and host time: 1.0 runs a device at the
 * speed of the real part, 10 ten times slower (so a 2-core host emulating a whole fleet is not the
 * bottleneck). Every figure a gateway models (compute, I/O, link, weight loading) is scaled by it.
 *
 * @param factor host time per unit of fleet time, > 0
 */
public record TimeScale(double factor) {

    public static final TimeScale REAL_TIME = new TimeScale(1.0);

    public TimeScale {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("time-scale: must be finite and > 0, got " + factor);
        }
    }

    /** Host nanoseconds for {@code fleetMicros} of modelled time, rounded to the nearest nanosecond. */
    public long hostNanos(double fleetMicros) {
        if (!(fleetMicros >= 0)) {
            throw new IllegalArgumentException("fleetMicros: must be >= 0, got " + fleetMicros);
        }
        return Math.round(fleetMicros * 1_000.0 * factor);
    }

    /** Fleet microseconds that {@code hostNanos} of host time stand for. */
    public double fleetMicros(long hostNanos) {
        return hostNanos / (1_000.0 * factor);
    }

    public Duration hostDuration(double fleetMicros) {
        return Duration.ofNanos(hostNanos(fleetMicros));
    }
}
