package io.synergy.core.planning.baseline;

import io.synergy.core.planning.Assignment;
import io.synergy.core.planning.Placement;
import io.synergy.core.planning.PlanningProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Baseline 4, layers proportional to device memory (the way exo partitions a model over a ring of
 * devices): every device of the fleet, source first and then in fleet order, takes a contiguous share of
 * the model's weight bytes proportional to its weight memory. Each split is the layer boundary nearest
 * to the device's cumulative share; devices whose share rounds to no layer are skipped. The model is not
 * placed when a share does not fit its device.
 */
public final class MemoryProportionalPlanner extends BaselinePlanner {

    public static final String NAME = "memory-proportional";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    Rule rule(PlanningProblem problem) {
        return (assignment, app) -> place(problem, assignment, app);
    }

    private Placement place(PlanningProblem problem, Assignment assignment, int app) {
        int source = firstSource(problem, app);
        if (source < 0) {
            return null;
        }
        int layers = problem.layers(app);
        int[] order = startingAt(problem, source);
        double[] cumulativeWeights = new double[layers + 1];
        for (int l = 0; l < layers; l++) {
            cumulativeWeights[l + 1] = cumulativeWeights[l] + layerWeightBytes(problem, app, l) + 1;
        }
        double total = cumulativeWeights[layers];
        double capacity = 0;
        for (int d : order) {
            capacity += problem.capacity(d).weightBytes();
        }
        List<Integer> cuts = new ArrayList<>();
        List<Integer> devices = new ArrayList<>();
        int from = 0;
        double share = 0;
        for (int i = 0; i < order.length && from < layers; i++) {
            int d = order[i];
            share += problem.capacity(d).weightBytes() / capacity;
            int to = i == order.length - 1 ? layers : nearestBoundary(cumulativeWeights, share * total, from);
            if (to > from) {
                if (!problem.table(app, d).fits(from, to)) {
                    return null;
                }
                cuts.add(from);
                devices.add(d);
                from = to;
            }
        }
        int last = devices.get(devices.size() - 1);
        int target = targetFor(problem, app, last);
        if (target < 0) {
            return null;
        }
        cuts.add(layers);
        return Placement.chain(app, source, cuts.stream().mapToInt(Integer::intValue).toArray(),
                devices.stream().mapToInt(Integer::intValue).toArray(), target);
    }

    /** Weight bytes of one layer, from the smallest device type's table (a one-layer segment). */
    private static long layerWeightBytes(PlanningProblem problem, int app, int layer) {
        for (int d = 0; d < problem.deviceCount(); d++) {
            if (problem.table(app, d).fits(layer, layer + 1)) {
                return problem.table(app, d).cost(layer, layer + 1).resources().weightBytes();
            }
        }
        return 0;
    }

    private static int nearestBoundary(double[] cumulative, double wanted, int from) {
        int best = from;
        double bestGap = Math.abs(cumulative[from] - wanted);
        for (int b = from + 1; b < cumulative.length; b++) {
            double gap = Math.abs(cumulative[b] - wanted);
            if (gap < bestGap) {
                best = b;
                bestGap = gap;
            }
        }
        return best;
    }
}
