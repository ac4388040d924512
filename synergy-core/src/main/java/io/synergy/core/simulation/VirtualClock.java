package io.synergy.core.simulation;

/** Simulated time in nanoseconds since the start of a run; only the event loop moves it, never backwards. */
public final class VirtualClock {

    private long nanos;

    public long nanos() {
        return nanos;
    }

    public double micros() {
        return nanos / 1000.0;
    }

    void advanceTo(long time) {
        if (time < nanos) {
            throw new IllegalStateException("virtual clock: cannot go back from " + nanos + " ns to " + time + " ns");
        }
        nanos = time;
    }
}
