package io.synergy.core.planning.baseline;

import io.synergy.core.planning.Assignment;
import io.synergy.core.planning.Placement;
import io.synergy.core.planning.PlanningProblem;

/**
 * Baseline 2, source device only: the whole model runs on the device that senses its input (the first
 * in fleet order with the source capability where the model fits), the way a wearable runs its own
 * model today. Not placed when the model fits no source device.
 */
public final class SourceOnlyPlanner extends BaselinePlanner {

    public static final String NAME = "source-only";

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
        for (int s : problem.sources(app)) {
            if (problem.table(app, s).fits(0, layers)) {
                int target = targetFor(problem, app, s);
                return target < 0 ? null : Placement.chain(app, s, new int[] {0, layers}, new int[] {s}, target);
            }
        }
        return null;
    }
}
