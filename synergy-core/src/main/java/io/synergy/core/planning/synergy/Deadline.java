package io.synergy.core.planning.synergy;

import java.time.Duration;
import java.util.function.LongSupplier;

/** The end of a planning time budget on an injected nanosecond clock. */
final class Deadline {

    private final LongSupplier clock;
    private final long endNanos;

    Deadline(LongSupplier clock, Duration budget) {
        this.clock = clock;
        this.endNanos = clock.getAsLong() + budget.toNanos();
    }

    boolean passed() {
        return clock.getAsLong() - endNanos >= 0;
    }
}
