package io.synergy.core.planning;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The execution plans of all apps, chosen together by one planner for one version of the virtual
 * computing space.
 *
 * @param epoch    the space version the plans were made for; increases with every change to the space
 * @param planner  the planner's name
 * @param plans    one plan per placed app
 * @param unplaced ids of the apps the planner could not place (they score zero)
 */
public record PlanSet(long epoch, String planner, List<ExecutionPlan> plans, List<String> unplaced) {

    public PlanSet {
        Objects.requireNonNull(planner, "planner");
        plans = List.copyOf(plans);
        unplaced = List.copyOf(unplaced);
        Set<String> seen = new HashSet<>();
        for (ExecutionPlan p : plans) {
            if (!seen.add(p.appId())) {
                throw new IllegalArgumentException("plan set: app " + p.appId() + " has two plans");
            }
        }
        for (String id : unplaced) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("plan set: app " + id + " is both placed and unplaced");
            }
        }
    }

    public Optional<ExecutionPlan> plan(String appId) {
        return plans.stream().filter(p -> p.appId().equals(appId)).findFirst();
    }

    public boolean placedAll() {
        return unplaced.isEmpty();
    }
}
