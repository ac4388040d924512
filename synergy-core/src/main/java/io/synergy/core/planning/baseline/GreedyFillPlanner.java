package io.synergy.core.planning.baseline;

import io.synergy.core.planning.Placement;
import io.synergy.core.planning.PlanningProblem;
import io.synergy.core.planning.ResourceUse;
import java.util.ArrayList;
import java.util.List;

/**
 * Baseline 3, greedy first-fit layer filling: starting at the source device and going through the fleet
 * in order, each device takes as many of the next layers as fit into what earlier apps left of its
 * memory, until the model is placed. Memory is not shared over time, so no reloads, but a model that
 * does not fit the remaining memory is not placed.
 */
public final class GreedyFillPlanner extends BaselinePlanner {

    public static final String NAME = "greedy-fill";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    Rule rule(PlanningProblem problem) {
        ResourceUse[] used = new ResourceUse[problem.deviceCount()];
        java.util.Arrays.fill(used, ResourceUse.NONE);
        return (assignment, app) -> place(problem, used, app);
    }

    /** Fills from the source device on; {@code used} is what earlier apps took of each device. */
    private static Placement place(PlanningProblem problem, ResourceUse[] used, int app) {
        int source = firstSource(problem, app);
        if (source < 0) {
            return null;
        }
        int layers = problem.layers(app);
        List<Integer> cuts = new ArrayList<>();
        List<Integer> devices = new ArrayList<>();
        List<ResourceUse> taken = new ArrayList<>();
        int from = 0;
        for (int d : startingAt(problem, source)) {
            if (from == layers) {
                break;
            }
            int to = from;
            ResourceUse fitting = null;
            for (int q = from + 1; q <= problem.table(app, d).maxTo(from); q++) {
                ResourceUse r = problem.table(app, d).cost(from, q).resources();
                if (!used[d].plus(r).fitsWithin(problem.capacity(d))) {
                    break;
                }
                to = q;
                fitting = r;
            }
            if (to > from) {
                cuts.add(from);
                devices.add(d);
                taken.add(fitting);
                from = to;
            }
        }
        if (from < layers) {
            return null;
        }
        int last = devices.get(devices.size() - 1);
        int target = targetFor(problem, app, last);
        if (target < 0) {
            return null;
        }
        for (int i = 0; i < devices.size(); i++) {
            used[devices.get(i)] = used[devices.get(i)].plus(taken.get(i));
        }
        cuts.add(layers);
        return Placement.chain(app, source, cuts.stream().mapToInt(Integer::intValue).toArray(),
                devices.stream().mapToInt(Integer::intValue).toArray(), target);
    }
}
