package io.synergy.planner.application;

import io.synergy.contracts.plan.PlanSetPublished;

/** Where plan sets go ({@code synergy.plans}); returns once the broker has them. */
@FunctionalInterface
public interface PlanSink {

    /** @throws RuntimeException when the plan set could not be written; the epoch is then not used */
    void publish(PlanSetPublished planSet);
}
