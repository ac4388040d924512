package io.synergy.core.planning.baseline;

import io.synergy.core.planning.Planner;
import java.util.List;

/** The seven baselines of the paper's comparison, in the paper's order. */
public final class Baselines {

    private Baselines() {
    }

    public static List<Planner> all() {
        return List.of(new SingleDevicePlanner(), new SourceOnlyPlanner(), new GreedyFillPlanner(),
                new MemoryProportionalPlanner(), new NeurosurgeonPlanner(), new PerAppOptimalPlanner(),
                new LatencyOptimalPlanner());
    }
}
