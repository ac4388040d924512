package io.synergy.gateway.application;

import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The host's clock: {@link System#nanoTime()} and a scheduled executor that also runs the arithmetic. */
public final class ScheduledDeviceClock implements DeviceClock {

    private final ScheduledExecutorService executor;

    public ScheduledDeviceClock(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Instant wallTime() {
        return Instant.now();
    }

    @Override
    public void schedule(long delayNanos, Runnable task) {
        executor.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }
}
