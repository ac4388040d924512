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
     * Adds replicas greedily; returns how many placements changed. Candidates are the app's current
     * placement and, on small fleets, the others in its pool ({@code pools}, may be empty): each is
     * replicated step by step (the best extra replica each step, while the score improves), since a chain
     * that is worse unreplicated, or a replica that pays off only with a second one, can be the better
     * choice.
     */
    int replicate(Assignment assignment, List<Set<Placement>> pools) {
        int changes = 0;
        int limit = 4 * problem.deviceCount() + 8;
        while (changes < limit && !deadline.passed()) {
            Resource bottleneck = assignment.ledger().bottleneck();
            if (bottleneck == null) {
                return changes;
            }
            int hot = problem.deviceIndex(bottleneck.deviceId());
            PlanScore bestScore = assignment.score();
            int bestApp = -1;
            LoadContribution bestCandidate = null;
            for (int a = 0; a < problem.appCount(); a++) {
                Placement p = assignment.placement(a);
                if (p == null || (hot >= 0 && !touches(p, hot))) {
                    continue;
                }
                int[] slots = Shortlist.of(problem, assignment.ledger(), a, p, options.shortlist());
                Set<Placement> bases = new LinkedHashSet<>();
                bases.add(p);
                if (a < pools.size()) {
                    bases.addAll(pools.get(a));
                }
                for (Placement base : bases) {
                    LoadContribution c = grow(assignment, a, base, slots);
                    if (c != null) {
                        PlanScore s = assignment.scoreWith(a, c);
                        if (s.betterThan(bestScore)) {
                            bestScore = s;
                            bestApp = a;
                            bestCandidate = c;
                        }
                    }
                }
            }
            if (bestCandidate == null) {
                return changes;
            }
            assignment.set(bestApp, bestCandidate.placement(), bestCandidate);
            changes++;
        }
        return changes;
    }

    /** Replicates a base placement one device at a time while that improves the score; null if never. */
    private LoadContribution grow(Assignment assignment, int app, Placement base, int[] slots) {
        LoadContribution current = null;
        PlanScore currentScore = assignment.scoreWith(app, LoadContribution.of(problem, base));
        Placement p = base;
        while (true) {
            LoadContribution best = null;
            PlanScore bestScore = currentScore;
            for (int j = 0; j < p.segmentCount(); j++) {
                if (p.replicas(j).length >= options.maxReplicas()) {
                    continue;
                }
                for (int d : slots) {
                    if (p.uses(d) || !problem.table(app, d).fits(p.from(j), p.to(j))) {
                        continue;
                    }
                    LoadContribution c = LoadContribution.of(problem, p.withReplica(j, d));
                    PlanScore s = assignment.scoreWith(app, c);
                    if (s.betterThan(bestScore)) {
                        bestScore = s;
                        best = c;
                    }
                }
            }
            if (best == null) {
                return current;
            }
            current = best;
            currentScore = bestScore;
            p = best.placement();
        }
    }

    private static boolean touches(Placement p, int device) {
        return p.source() == device || p.target() == device || p.uses(device);
    }

}
