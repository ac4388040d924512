package io.synergy.core.planning.catalog;

import io.synergy.core.planning.ExhaustivePlanner;
import io.synergy.core.planning.Planner;
import io.synergy.core.planning.baseline.Baselines;
import io.synergy.core.planning.synergy.SynergyPlanner;
import java.util.ArrayList;
import java.util.List;

/**
 * Every planner by its name: {@code synergy}, {@code exhaustive} and the seven baselines (see
 * {@link Baselines}). For the command line, the planner service and the benchmarks.
 */
public final class PlannerCatalog {

    private PlannerCatalog() {
    }

    /** Synergy first, then the exact search, then the baselines in the paper's order. */
    public static List<Planner> all() {
        List<Planner> planners = new ArrayList<>();
        planners.add(new SynergyPlanner());
        planners.add(new ExhaustivePlanner());
        planners.addAll(Baselines.all());
        return planners;
    }

    public static List<String> names() {
        return all().stream().map(Planner::name).toList();
    }

    /** The planner of this name; the error lists the known names. */
    public static Planner byName(String name) {
        for (Planner p : all()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown planner '" + name + "'; known: " + String.join(", ", names()));
    }
}
