package io.synergy.planner.application;

import io.synergy.contracts.plan.AppPlan;
import io.synergy.contracts.plan.UnplacedApp;

import java.util.List;

/**
 * What one planning run decided, before it gets an epoch.
 *
 * @param planner the planner's name, e.g. "synergy"
 */
public record PlanOutcome(String planner, List<AppPlan> plans, List<UnplacedApp> unplaced) {

    public PlanOutcome {
        plans = List.copyOf(plans);
        unplaced = List.copyOf(unplaced);
    }

    public boolean isEmpty() {
        return plans.isEmpty() && unplaced.isEmpty();
    }
}
