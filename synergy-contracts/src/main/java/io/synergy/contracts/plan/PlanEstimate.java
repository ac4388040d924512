package io.synergy.contracts.plan;

import io.synergy.contracts.Identifier;

/**
 * What the planner expects of one execution plan, and why it chose it.
 *
 * @param inferencesPerSecond estimated pipelined throughput, > 0
 * @param latencyMillis       estimated latency of one inference through all stages, > 0
 * @param bottleneck          the busiest resource, e.g. "device watch-1 compute" or "link glasses-1 -> phone-1"
 * @param explanation         why this split and placement, in words
 */
public record PlanEstimate(double inferencesPerSecond, double latencyMillis, String bottleneck, String explanation) {

    public PlanEstimate {
        if (!(inferencesPerSecond > 0) || Double.isInfinite(inferencesPerSecond)) {
            throw new IllegalArgumentException("inferencesPerSecond: must be finite and > 0, got " + inferencesPerSecond);
        }
        if (!(latencyMillis > 0) || Double.isInfinite(latencyMillis)) {
            throw new IllegalArgumentException("latencyMillis: must be finite and > 0, got " + latencyMillis);
        }
        Identifier.requireText("bottleneck", bottleneck);
        Identifier.requireText("explanation", explanation);
    }
}
