package io.synergy.core.planning.synergy;

import io.synergy.core.planning.Assignment;
import io.synergy.core.planning.Placement;
import io.synergy.core.planning.PlanningProblem;

/**
 * Small changes to one app's placement, each kept only if the exact score improves: take the input from
 * another source device or send the result to another target device, move a split to another position,
 * split a segment and put its tail on another device, merge two neighbouring segments.
 * The exact score sees what the placement search only approximates (groups of saturated links, weight
 * reloads on shared devices, replicas), so these moves polish its result.
 */
final class LocalMoves {

    private LocalMoves() {
    }

    /** Applies improving moves to the app's placement until none is left; returns whether any was. */
    static boolean improve(PlanningProblem problem, Assignment assignment, int app, int[] devices) {
        boolean improved = false;
        while (assignment.placement(app) != null && step(problem, assignment, app, devices)) {
            improved = true;
        }
        return improved;
    }

    /** Tries moves in a fixed order and keeps the first that improves. */
    private static boolean step(PlanningProblem problem, Assignment assignment, int app, int[] devices) {
        Placement p = assignment.placement(app);
        for (int t : problem.targets(app)) {
            if (t != p.target() && assignment.tryReplace(app, p.withEndpoints(p.source(), t))) {
                return true;
            }
        }
        for (int s : problem.sources(app)) {
            if (s != p.source() && assignment.tryReplace(app, p.withEndpoints(s, p.target()))) {
                return true;
            }
        }
        for (int cut = 1; cut < p.segmentCount(); cut++) {
            for (int position = p.from(cut - 1) + 1; position < p.to(cut); position++) {
                if (position != p.from(cut) && fitsAll(problem, app, p.replicas(cut - 1), p.from(cut - 1), position)
                        && fitsAll(problem, app, p.replicas(cut), position, p.to(cut))
                        && assignment.tryReplace(app, p.withCut(cut, position))) {
                    return true;
                }
            }
        }
        for (int j = 0; j < p.segmentCount(); j++) {
            for (int position = p.from(j) + 1; position < p.to(j); position++) {
                if (!fitsAll(problem, app, p.replicas(j), p.from(j), position)) {
                    break;
                }
                for (int d : devices) {
                    if (!p.uses(d) && problem.table(app, d).fits(position, p.to(j))
                            && assignment.tryReplace(app, p.withSplit(j, position, d))) {
                        return true;
                    }
                }
            }
        }
        for (int j = 0; j + 1 < p.segmentCount(); j++) {
            for (int[] onto : new int[][] {p.replicas(j), p.replicas(j + 1)}) {
                if (fitsAll(problem, app, onto, p.from(j), p.to(j + 1))
                        && assignment.tryReplace(app, p.withMerge(j, onto))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean fitsAll(PlanningProblem problem, int app, int[] devices, int from, int to) {
        for (int d : devices) {
            if (!problem.table(app, d).fits(from, to)) {
                return false;
            }
        }
        return true;
    }
}
