package io.synergy.core.planning;

/**
 * One app's share of an {@link Estimate}.
 *
 * @param throughput    inferences per second when every app runs as fast as the shared resources allow
 *                      and none above its wanted rate (weighted max-min fair with demands: apps sharing the
 *                      saturated resource run at weight x the joint rate, an app that wants a rate runs at
 *                      most at it); 0 when unplaced
 * @param latencyMillis one inference end to end through an idle pipeline (source sensor to target
 *                      device), averaged over the replicas; 0 when unplaced
 * @param bottleneck    the busiest resource the app uses, or null when unplaced
 */
public record AppEstimate(String appId, boolean placed, double throughput, double latencyMillis,
                          Resource bottleneck) {
}
