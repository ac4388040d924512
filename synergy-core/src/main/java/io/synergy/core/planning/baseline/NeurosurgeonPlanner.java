package io.synergy.core.planning.baseline;

import io.synergy.core.planning.Assignment;
import io.synergy.core.planning.Placement;
import io.synergy.core.planning.PlanningProblem;

/**
 * Baseline 5, Neurosurgeon-style: one split point per app between the device that senses the input and
 * one helper, the fleet's largest other accelerator (the "server"); the split (possibly none, all on one
 * side) is chosen for the lowest idle latency of that app alone. Not placed when no split fits both.
 */
public final class NeurosurgeonPlanner extends BaselinePlanner {

    public static final String NAME = "neurosurgeon";

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
        int helper = -1;
        for (int d = 0; d < problem.deviceCount(); d++) {
            if (d != source && (helper < 0
                    || problem.capacity(d).weightBytes() > problem.capacity(helper).weightBytes())) {
                helper = d;
            }
        }
        int layers = problem.layers(app);
        Placement best = null;
        double bestLatency = Double.POSITIVE_INFINITY;
        for (int split = 0; split <= layers; split++) {
            Placement p;
            if (split == layers) {
                p = whole(problem, app, source, source);
            } else if (split == 0) {
                p = helper < 0 ? null : whole(problem, app, source, helper);
            } else if (helper >= 0 && problem.table(app, source).fits(0, split)
                    && problem.table(app, helper).fits(split, layers)) {
                int target = targetFor(problem, app, helper);
                p = target < 0 ? null : Placement.chain(app, source, new int[] {0, split, layers},
                        new int[] {source, helper}, target);
            } else {
                p = null;
            }
            if (p != null) {
                double latency = latencyMicros(problem, p);
                if (latency < bestLatency) {
                    best = p;
                    bestLatency = latency;
                }
            }
        }
        return best;
    }

    private static Placement whole(PlanningProblem problem, int app, int source, int device) {
        int layers = problem.layers(app);
        int target = targetFor(problem, app, device);
        if (target < 0 || !problem.table(app, device).fits(0, layers)) {
            return null;
        }
        return Placement.chain(app, source, new int[] {0, layers}, new int[] {device}, target);
    }
}
