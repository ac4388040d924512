package io.synergy.core.planning.baseline;

import io.synergy.core.planning.Assignment;
import io.synergy.core.planning.Placement;
import io.synergy.core.planning.PlanningProblem;

/**
 * Baseline 1, single device per model: each model runs whole on one device, the one that serves it with
 * the lowest idle latency (input from a source device, result to a target device), preferring devices no
 * earlier app uses. A model that fits no single device is not placed.
 */
public final class SingleDevicePlanner extends BaselinePlanner {

    public static final String NAME = "single-device";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    Rule rule(PlanningProblem problem) {
        return (assignment, app) -> place(problem, assignment, app);
    }

    private Placement place(PlanningProblem problem, Assignment assignment, int app) {
        int layers = problem.layers(app);
        Placement best = null;
        boolean bestShared = true;
        double bestLatency = Double.POSITIVE_INFINITY;
        for (int d = 0; d < problem.deviceCount(); d++) {
            if (!problem.table(app, d).fits(0, layers)) {
                continue;
            }
            int source = problem.device(d).has(problem.app(app).source()) ? d : firstSource(problem, app);
            int target = targetFor(problem, app, d);
            if (source < 0 || target < 0) {
                return null;
            }
            Placement p = Placement.chain(app, source, new int[] {0, layers}, new int[] {d}, target);
            boolean shared = assignment.ledger().residents(d) > 0;
            double latency = latencyMicros(problem, p);
            if (best == null || (bestShared && !shared) || (shared == bestShared && latency < bestLatency)) {
                best = p;
                bestShared = shared;
                bestLatency = latency;
            }
        }
        return best;
    }
}
