package io.synergy.core.planning;

import java.util.List;

/**
 * The analytical figures of a plan set: a pipeline runs at the rate of its busiest resource.
 *
 * @param throughput     rounds per second at which all apps run together: app i runs weight_i x this;
 *                       0 when any app is unplaced
 * @param placedRate     the same rate for the placed apps only (equal to {@code throughput} when all
 *                       are placed)
 * @param sumThroughput  the sum of the apps' inferences per second when each runs as fast as the shared
 *                       resources allow and none above its wanted rate (the apps' {@link AppEstimate#throughput()};
 *                       unplaced apps count zero)
 * @param roundMicros    busy microseconds per round of the bottleneck resource
 * @param bottleneck     the busiest resource, or null when nothing is placed
 */
public record Estimate(double throughput, double placedRate, double sumThroughput, double roundMicros,
                       Resource bottleneck, List<AppEstimate> apps, List<ResourceLoad> loads) {

    public Estimate {
        apps = List.copyOf(apps);
        loads = List.copyOf(loads);
    }

    public AppEstimate app(String appId) {
        return apps.stream().filter(a -> a.appId().equals(appId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("estimate: no app " + appId));
    }
}
