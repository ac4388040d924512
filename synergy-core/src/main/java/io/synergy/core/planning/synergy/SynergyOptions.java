package io.synergy.core.planning.synergy;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Tuning of the {@link SynergyPlanner}.
 *
 * @param budget         planning time after which the best plan found so far is returned
 * @param maxReplicas    most devices one segment may be replicated on
 * @param shortlist      candidate devices per app on fleets larger than this (all devices otherwise)
 * @param selectionNodes most nodes of the joint (holistic) selection search
 * @param nanoClock      time source for the budget, in nanoseconds ({@code System::nanoTime}); tests pass
 *                       a fake one
 */
public record SynergyOptions(Duration budget, int maxReplicas, int shortlist, int selectionNodes,
                             LongSupplier nanoClock) {

    public SynergyOptions {
        Objects.requireNonNull(budget, "budget");
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("synergy options: budget must be > 0, got " + budget);
        }
        if (maxReplicas < 1) {
            throw new IllegalArgumentException("synergy options: maxReplicas must be >= 1, got " + maxReplicas);
        }
        if (shortlist < 2 || shortlist > 63) {
            throw new IllegalArgumentException("synergy options: shortlist must be in [2, 63], got " + shortlist);
        }
        if (selectionNodes < 0) {
            throw new IllegalArgumentException("synergy options: selectionNodes must be >= 0, got " + selectionNodes);
        }
        Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** One second of planning, up to 8 replicas, 12 candidate devices per app, 200,000 selection nodes. */
    public static SynergyOptions defaults() {
        return new SynergyOptions(Duration.ofSeconds(1), 8, 12, 200_000, System::nanoTime);
    }

    public SynergyOptions withBudget(Duration newBudget) {
        return new SynergyOptions(newBudget, maxReplicas, shortlist, selectionNodes, nanoClock);
    }

    public SynergyOptions withNanoClock(LongSupplier clock) {
        return new SynergyOptions(budget, maxReplicas, shortlist, selectionNodes, clock);
    }
}
