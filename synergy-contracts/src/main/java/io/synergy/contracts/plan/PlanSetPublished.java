package io.synergy.contracts.plan;

import io.synergy.contracts.Identifier;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The planner chose the plans of all apps together.
 *
 * @param epoch    strictly increasing from 1; every dispatch names the epoch it follows
 * @param planner  which planner chose them, e.g. "synergy" or a baseline's name
 * @param plans    one plan per placed app
 * @param unplaced the apps that could not be placed, with the reason
 */
public record PlanSetPublished(long epoch, String planner, List<AppPlan> plans, List<UnplacedApp> unplaced)
        implements PlanEvent {

    public PlanSetPublished {
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch: must be >= 1, got " + epoch);
        }
        Identifier.require("planner", planner);
        Identifier.requirePresent("plans", plans);
        Identifier.requirePresent("unplaced", unplaced);
        plans = List.copyOf(plans);
        unplaced = List.copyOf(unplaced);
        Set<String> apps = new HashSet<>();
        plans.forEach(plan -> requireOnce(apps, plan.appId()));
        unplaced.forEach(app -> requireOnce(apps, app.appId()));
    }

    private static void requireOnce(Set<String> apps, String appId) {
        if (!apps.add(appId)) {
            throw new IllegalArgumentException("plans: app " + appId + " appears more than once in the plan set");
        }
    }
}
