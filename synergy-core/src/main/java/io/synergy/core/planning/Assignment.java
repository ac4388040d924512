package io.synergy.core.planning;

import java.util.ArrayList;
import java.util.List;

/**
 * A mutable working set of placements (at most one per app) with its loads kept current: what planners
 * build up and improve. {@link #tryReplace} keeps a change only when the {@link PlanScore} improves.
 */
public final class Assignment {

    private final PlanningProblem problem;
    private final Placement[] placements;
    private final LoadContribution[] contributions;
    private final LoadLedger ledger;
    private int placed;

    public Assignment(PlanningProblem problem) {
        this.problem = problem;
        this.placements = new Placement[problem.appCount()];
        this.contributions = new LoadContribution[problem.appCount()];
        this.ledger = new LoadLedger(problem);
    }

    public PlanningProblem problem() {
        return problem;
    }

    public Placement placement(int app) {
        return placements[app];
    }

    public Placement[] placements() {
        return placements.clone();
    }

    /** The loads of the current placements; read only. */
    public LoadLedger ledger() {
        return ledger;
    }

    public PlanScore score() {
        return PlanScore.of(ledger, placed);
    }

    /** Puts (or with null removes) an app's placement unconditionally. */
    public void set(int app, Placement placement) {
        set(app, placement, placement == null ? null : LoadContribution.of(problem, placement));
    }

    public void set(int app, Placement placement, LoadContribution contribution) {
        if (contributions[app] != null) {
            ledger.remove(contributions[app]);
            placed--;
        }
        placements[app] = placement;
        contributions[app] = contribution;
        if (contribution != null) {
            ledger.add(contribution);
            placed++;
        }
    }

    /** The ledger without one app's loads (a copy): the background its best response plans against. */
    public LoadLedger ledgerWithout(int app) {
        LoadLedger copy = ledger.copy();
        if (contributions[app] != null) {
            copy.remove(contributions[app]);
        }
        return copy;
    }

    /** Replaces an app's placement if that improves the score; returns whether it did. */
    public boolean tryReplace(int app, Placement candidate) {
        if (candidate == null || candidate.equals(placements[app])) {
            return false;
        }
        PlanScore before = score();
        Placement oldPlacement = placements[app];
        LoadContribution oldContribution = contributions[app];
        set(app, candidate, LoadContribution.of(problem, candidate));
        if (score().betterThan(before)) {
            return true;
        }
        set(app, oldPlacement, oldContribution);
        return false;
    }

    /** The score if an app's placement were replaced, without keeping the change. */
    public PlanScore scoreWith(int app, LoadContribution candidate) {
        Placement oldPlacement = placements[app];
        LoadContribution oldContribution = contributions[app];
        set(app, candidate.placement(), candidate);
        PlanScore s = score();
        set(app, oldPlacement, oldContribution);
        return s;
    }

    public PlanSet toPlanSet(String planner) {
        List<ExecutionPlan> plans = new ArrayList<>();
        List<String> unplaced = new ArrayList<>();
        for (int a = 0; a < placements.length; a++) {
            if (placements[a] == null) {
                unplaced.add(problem.app(a).id());
            } else {
                plans.add(placements[a].toPlan(problem));
            }
        }
        return new PlanSet(problem.space().version(), planner, plans, unplaced);
    }
}
