package io.synergy.core.planning.synergy;

import io.synergy.core.planning.Assignment;
import io.synergy.core.planning.LoadContribution;
import io.synergy.core.planning.LoadLedger;
import io.synergy.core.planning.Placement;
import io.synergy.core.planning.PlanScore;
import io.synergy.core.planning.PlanningProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Holistic selection: given a pool of candidate placements per app, finds the combination with the
 * best {@link PlanScore} by branch and bound. Loads only grow as apps are added, so a partial
 * combination whose busiest resource already exceeds the best complete one is cut. Stops after a node
 * budget or deadline and keeps the best found.
 */
final class JointSelection {

    private final PlanningProblem problem;
    private final long nodeBudget;
    private final Deadline deadline;
    private long nodes;
    private PlanScore best;
    private Placement[] bestChoice;

    JointSelection(PlanningProblem problem, long nodeBudget, Deadline deadline) {
        this.problem = problem;
        this.nodeBudget = nodeBudget;
        this.deadline = deadline;
    }

    /** Sets the assignment to the best combination of the pools if it beats the current one. */
    void select(Assignment assignment, List<Set<Placement>> pools, int[] order) {
        int apps = problem.appCount();
        List<List<LoadContribution>> candidates = new ArrayList<>();
        int placed = 0;
        for (int a = 0; a < apps; a++) {
            List<LoadContribution> list = new ArrayList<>();
            for (Placement p : pools.get(a)) {
                list.add(LoadContribution.of(problem, p));
            }
            list.sort(Comparator.comparingDouble(LoadContribution::ownMaxMicros));
            candidates.add(list);
            if (!list.isEmpty()) {
                placed++;
            }
        }
        if (assignment.score().placed() != placed) {
            return;
        }
        best = assignment.score();
        bestChoice = assignment.placements();
        nodes = 0;
        LoadLedger ledger = new LoadLedger(problem);
        Placement[] choice = new Placement[apps];
        search(0, order, candidates, ledger, choice, placed);
        if (!java.util.Arrays.equals(bestChoice, assignment.placements())) {
            for (int a = 0; a < apps; a++) {
                assignment.set(a, bestChoice[a]);
            }
        }
    }

    private void search(int depth, int[] order, List<List<LoadContribution>> candidates, LoadLedger ledger,
                        Placement[] choice, int placed) {
        if (depth == order.length) {
            PlanScore s = PlanScore.of(ledger, placed);
            if (s.betterThan(best)) {
                best = s;
                bestChoice = choice.clone();
            }
            return;
        }
        int app = order[depth];
        List<LoadContribution> list = candidates.get(app);
        if (list.isEmpty()) {
            search(depth + 1, order, candidates, ledger, choice, placed);
            return;
        }
        for (LoadContribution c : list) {
            if (++nodes > nodeBudget || ((nodes & 1023) == 0 && deadline.passed())) {
                return;
            }
            if (c.ownMaxMicros() > best.maxLoadMicros() * (1 + PlanScore.TIE)) {
                break;
            }
            ledger.add(c);
            if (ledger.maxLoadMicros() <= best.maxLoadMicros() * (1 + PlanScore.TIE)) {
                choice[app] = c.placement();
                search(depth + 1, order, candidates, ledger, choice, placed);
                choice[app] = null;
            }
            ledger.remove(c);
        }
    }
}
