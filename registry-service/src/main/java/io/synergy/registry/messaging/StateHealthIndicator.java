package io.synergy.registry.messaging;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Up once the registry's state is rebuilt from its topics and their readers run; part of readiness. */
public final class StateHealthIndicator implements HealthIndicator {

    private final StateLogs logs;

    public StateHealthIndicator(StateLogs logs) {
        this.logs = logs;
    }

    @Override
    public Health health() {
        return logs.caughtUp() ? Health.up().build() : Health.outOfService().withDetail("reason",
                "state topics not rebuilt or their readers stopped").build();
    }
}
