package io.synergy.planner.application;

/** Plans every app of a snapshot on its devices. Deterministic: the same snapshot gives the same outcome. */
@FunctionalInterface
public interface PlanComputation {

    PlanOutcome plan(SpaceSnapshot snapshot);
}
