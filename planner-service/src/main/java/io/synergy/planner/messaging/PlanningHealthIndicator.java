package io.synergy.planner.messaging;

import io.synergy.planner.application.Replanning;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Up once the inputs on the topics at start are folded and planning runs; part of readiness. */
public final class PlanningHealthIndicator implements HealthIndicator {

    private final Replanning replanning;

    public PlanningHealthIndicator(Replanning replanning) {
        this.replanning = replanning;
    }

    @Override
    public Health health() {
        if (!replanning.released()) {
            return Health.outOfService().withDetail("reason", "still folding the inputs that were on the topics at start")
                    .build();
        }
        Health.Builder up = Health.up();
        replanning.current().ifPresent(planSet -> up.withDetail("epoch", planSet.epoch()));
        return up.build();
    }
}
