package io.synergy.core.planning;

/**
 * One app's share of an {@link Estimate}.
 *
 * @param throughput    inferences per second when every app runs as fast as the shared resources allow
 *                      (weighted max-min fair: at least weight x the joint rate); 0 when unplaced
 * @param latencyMillis one inference end to end through an idle pipeline (source sensor to target
 *                      device), averaged over the replicas; 0 when unplaced
 * @param bottleneck    the busiest resource the app uses, or null when unplaced
 */
public record AppEstimate(String appId, boolean placed, double throughput, double latencyMillis,
                          Resource bottleneck) {
}
