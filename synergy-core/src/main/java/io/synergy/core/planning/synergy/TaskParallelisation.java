package io.synergy.core.planning.synergy;

import io.synergy.core.planning.Assignment;
import io.synergy.core.planning.LoadContribution;
import io.synergy.core.planning.Placement;
import io.synergy.core.planning.PlanScore;
import io.synergy.core.planning.PlanningProblem;
import io.synergy.core.planning.Resource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Adaptive task parallelisation: while the busiest resource limits the plan set, try replicating a
 * segment that loads it (a segment running on the bottleneck device, or sending to or receiving from
 * it) onto another device that fits the segment, and keep the replica that improves the score most.
 * Replicas split the segment's requests round robin, so each carries 1/k of its runs and transfers.
 */
final class TaskParallelisation {

    private final PlanningProblem problem;
    private final SynergyOptions options;
    private final Deadline deadline;

    TaskParallelisation(PlanningProblem problem, SynergyOptions options, Deadline deadline) {
        this.problem = problem;
        this.options = options;
        this.deadline = deadline;
    }

    /**
     * Adds replicas greedily; returns how many were added. A replica may be added to the app's current
     * placement or to another of its candidates ({@code pools}, may be empty): a chain that is worse
     * unreplicated can be the better one to replicate.
     */
    int replicate(Assignment assignment, List<Set<Placement>> pools) {
        int added = 0;
        int limit = 4 * problem.deviceCount() + 8;
        while (added < limit && !deadline.passed()) {
            Resource bottleneck = assignment.ledger().bottleneck();
            if (bottleneck == null) {
                return added;
            }
            int hot = problem.deviceIndex(bottleneck.deviceId());
            PlanScore bestScore = assignment.score();
            int bestApp = -1;
            LoadContribution bestCandidate = null;
            for (int a = 0; a < problem.appCount(); a++) {
                Placement p = assignment.placement(a);
                if (p == null || !touches(p, hot)) {
                    continue;
                }
                int[] slots = Shortlist.of(problem, assignment.ledger(), a, p, options.shortlist());
                Set<Placement> bases = new LinkedHashSet<>();
                bases.add(p);
                if (a < pools.size()) {
                    bases.addAll(pools.get(a));
                }
                for (Placement base : bases) {
                    for (int j = 0; j < base.segmentCount(); j++) {
                        if (base.replicas(j).length >= options.maxReplicas() || (base == p && !near(p, j, hot))) {
                            continue;
                        }
                        for (int d : slots) {
                            if (base.uses(d) || !problem.table(a, d).fits(base.from(j), base.to(j))) {
                                continue;
                            }
                            LoadContribution c = LoadContribution.of(problem, base.withReplica(j, d));
                            PlanScore s = assignment.scoreWith(a, c);
                            if (s.betterThan(bestScore)) {
                                bestScore = s;
                                bestApp = a;
                                bestCandidate = c;
                            }
                        }
                    }
                }
            }
            if (bestCandidate == null) {
                return added;
            }
            assignment.set(bestApp, bestCandidate.placement(), bestCandidate);
            added++;
        }
        return added;
    }

    private static boolean touches(Placement p, int device) {
        return p.source() == device || p.target() == device || p.uses(device);
    }

    /** Segment j runs on the device, or exchanges data with it (previous or next hop). */
    private static boolean near(Placement p, int j, int device) {
        if (contains(p.replicas(j), device)) {
            return true;
        }
        boolean before = j == 0 ? p.source() == device : contains(p.replicas(j - 1), device);
        boolean after = j == p.segmentCount() - 1 ? p.target() == device : contains(p.replicas(j + 1), device);
        return before || after;
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
