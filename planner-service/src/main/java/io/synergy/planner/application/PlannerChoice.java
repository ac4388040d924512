package io.synergy.planner.application;

import io.synergy.core.planning.Planner;
import io.synergy.core.planning.baseline.Baselines;
import io.synergy.core.planning.synergy.SynergyPlanner;

import java.util.ArrayList;
import java.util.List;

/** The core planners this service can run, by the names they report ({@code synergy}, the baselines). */
public final class PlannerChoice {

    private PlannerChoice() {
    }

    public static List<Planner> all() {
        List<Planner> planners = new ArrayList<>();
        planners.add(new SynergyPlanner());
        planners.addAll(Baselines.all());
        return planners;
    }

    /** @throws IllegalArgumentException naming the known planners */
    public static Planner named(String name) {
        List<Planner> planners = all();
        return planners.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("synergy.planner.planner: '" + name
                        + "' is not a planner; known: " + planners.stream().map(Planner::name).toList()));
    }
}
