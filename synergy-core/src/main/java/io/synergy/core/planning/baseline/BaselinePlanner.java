package io.synergy.core.planning.baseline;

import io.synergy.core.planning.App;
import io.synergy.core.planning.Assignment;
import io.synergy.core.planning.Placement;
import io.synergy.core.planning.PlanSet;
import io.synergy.core.planning.Planner;
import io.synergy.core.planning.PlanningProblem;
import io.synergy.core.planning.VirtualComputingSpace;
import java.util.List;

/**
 * Common frame of the seven baselines: apps are placed one at a time in arrival (list) order, each by
 * the baseline's rule, never revisited and never replicated. An app the rule cannot place stays unplaced
 * and scores zero.
 */
abstract class BaselinePlanner implements Planner {

    @Override
    public final PlanSet plan(VirtualComputingSpace space, List<App> apps) {
        PlanningProblem problem = PlanningProblem.of(space, apps);
        Assignment assignment = new Assignment(problem);
        Rule rule = rule(problem);
        for (int a = 0; a < problem.appCount(); a++) {
            Placement p = rule.place(assignment, a);
            if (p != null) {
                assignment.set(a, p);
            }
        }
        return assignment.toPlanSet(name());
    }

    /** The baseline's rule for one planning run (it may keep state across the run's apps). */
    abstract Rule rule(PlanningProblem problem);

    /** Places one app given the apps placed before it, or returns null. */
    interface Rule {
        Placement place(Assignment assignment, int app);
    }

    /** The first device in fleet order with the app's source capability, or -1. */
    static int firstSource(PlanningProblem problem, int app) {
        return problem.sources(app).length == 0 ? -1 : problem.sources(app)[0];
    }

    /**
     * Where the result goes from the last device: that device when it has the target capability, else
     * the first device in fleet order that has it; -1 when none has.
     */
    static int targetFor(PlanningProblem problem, int app, int last) {
        for (int t : problem.targets(app)) {
            if (t == last) {
                return t;
            }
        }
        return problem.targets(app).length == 0 ? -1 : problem.targets(app)[0];
    }

    /** Every device, the given one first, the others in fleet order. */
    static int[] startingAt(PlanningProblem problem, int first) {
        int n = problem.deviceCount();
        int[] order = new int[n];
        int i = 0;
        if (first >= 0) {
            order[i++] = first;
        }
        for (int d = 0; d < n; d++) {
            if (d != first) {
                order[i++] = d;
            }
        }
        return order;
    }

    /** Idle-fleet latency of a chain placement: transfers plus segment runs. */
    static double latencyMicros(PlanningProblem problem, Placement p) {
        int app = p.app();
        double total = 0;
        int prev = p.source();
        for (int j = 0; j < p.segmentCount(); j++) {
            int d = p.replicas(j)[0];
            total += problem.transferMicros(prev, d, problem.boundaryBytes(app, p.from(j)));
            total += problem.table(app, d).roundMicros(p.from(j), p.to(j));
            prev = d;
        }
        return total + problem.transferMicros(prev, p.target(), problem.boundaryBytes(app, problem.layers(app)));
    }
}
