package io.synergy.core.planning.synergy;

import io.synergy.core.planning.Assignment;
import io.synergy.core.planning.LoadContribution;
import io.synergy.core.planning.Placement;
import io.synergy.core.planning.PlanScore;
import io.synergy.core.planning.PlanningProblem;
import io.synergy.core.planning.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adaptive task parallelisation: while the busiest resource limits the plan set, try replicating a
 * segment that loads it (a segment running on the bottleneck device, or sending to or receiving from
 * it) onto another device that fits the segment, and keep the replica that improves the score most.
 * Replicas split the segment's requests round robin, so each carries 1/k of its runs and transfers.
 */
final class TaskParallelisation {

    /** Pool placements grown per app and step, besides the current one. */
    private static final int GROWN_BASES = 4;
    /** Non-improving replicated candidates tried with the other apps' local moves after them. */
    private static final int REPAIRED_CANDIDATES = 3;

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
            List<Candidate> candidates = new ArrayList<>();
            for (int a = 0; a < problem.appCount(); a++) {
                Placement p = assignment.placement(a);
                if (p == null || (hot >= 0 && !touches(p, hot))) {
                    continue;
                }
                int[] slots = Shortlist.of(problem, assignment.ledger(), a, p, options.shortlist());
                Set<Placement> bases = new LinkedHashSet<>();
                bases.add(p);
                if (a < pools.size()) {
                    bases.addAll(bestOf(assignment, a, pools.get(a)));
                }
                for (Placement base : bases) {
                    LoadContribution c = grow(assignment, a, base, slots);
                    if (c != null) {
                        candidates.add(new Candidate(a, c, assignment.scoreWith(a, c)));
                    }
                }
            }
            candidates.sort((x, y) -> x.score.betterThan(y.score) ? -1 : y.score.betterThan(x.score) ? 1 : 0);
            if (!candidates.isEmpty() && candidates.get(0).score.betterThan(assignment.score())) {
                Candidate best = candidates.get(0);
                assignment.set(best.app, best.contribution.placement(), best.contribution);
                changes++;
            } else if (pools.isEmpty() || !repairOneOf(assignment, candidates)) {
                return changes;
            } else {
                changes++;
            }
        }
        return changes;
    }

    private record Candidate(int app, LoadContribution contribution, PlanScore score) {
    }

    /**
     * A replica may pay off only once another app moves out of its way: tries the best few candidates
     * with the other apps' local moves after them, and keeps the first combination that improves.
     */
    private boolean repairOneOf(Assignment assignment, List<Candidate> candidates) {
        PlanScore before = assignment.score();
        for (int i = 0; i < Math.min(REPAIRED_CANDIDATES, candidates.size()) && !deadline.passed(); i++) {
            Candidate c = candidates.get(i);
            Placement[] saved = assignment.placements();
            assignment.set(c.app, c.contribution.placement(), c.contribution);
            for (int b = 0; b < problem.appCount(); b++) {
                if (b != c.app && assignment.placement(b) != null) {
                    LocalMoves.improve(problem, assignment, b, Shortlist.of(problem, assignment.ledger(), b,
                            assignment.placement(b), options.shortlist()));
                }
            }
            if (assignment.score().betterThan(before)) {
                return true;
            }
            for (int a = 0; a < saved.length; a++) {
                if (assignment.placement(a) != saved[a]) {
                    assignment.set(a, saved[a]);
                }
            }
        }
        return false;
    }

    /** The pool's few placements that score best for the app as they are (the most promising to grow). */
    private List<Placement> bestOf(Assignment assignment, int app, Set<Placement> pool) {
        List<Placement> list = new ArrayList<>(pool);
        Map<Placement, PlanScore> scores = new HashMap<>();
        for (Placement p : list) {
            scores.put(p, assignment.scoreWith(app, LoadContribution.of(problem, p)));
        }
        list.sort((x, y) -> scores.get(x).betterThan(scores.get(y)) ? -1 : scores.get(y).betterThan(scores.get(x)) ? 1 : 0);
        return list.subList(0, Math.min(GROWN_BASES, list.size()));
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
