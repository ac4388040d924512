package io.synergy.gateway.application;

import java.time.Instant;

/**
 * Time for the emulated devices: a monotonic reading and delayed tasks. Production wraps a
 * {@link java.util.concurrent.ScheduledExecutorService}; tests advance a manual clock, so no test
 * waits for modelled time.
 */
public interface DeviceClock {

    /** Monotonic nanoseconds (only differences are meaningful). */
    long nanoTime();

    /** Wall-clock time, against which request deadlines (epoch milliseconds on the wire) are compared. */
    Instant wallTime();

    /** Runs {@code task} once, {@code delayNanos} from now (now when <= 0), off the caller's thread. */
    void schedule(long delayNanos, Runnable task);
}
