package io.synergy.executor.application;

import io.synergy.contracts.header.Route;
import io.synergy.contracts.header.RouteStage;
import io.synergy.contracts.plan.AppPlan;
import io.synergy.contracts.plan.DeviceRef;
import io.synergy.contracts.plan.PlanSetPublished;
import io.synergy.contracts.plan.SegmentPlacement;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chooses one replica per segment of an app's plan. Replicas of a segment share its requests in
 * turn (round robin), which is how a segment the planner replicated multiplies its throughput.
 */
public final class RouteSelector {

    private final AtomicLong turn = new AtomicLong();

    public Route route(AppPlan plan) {
        long next = turn.getAndIncrement();
        List<RouteStage> stages = new ArrayList<>(plan.segments().size());
        for (SegmentPlacement segment : plan.segments()) {
            DeviceRef device = segment.replicas().get((int) Math.floorMod(next, (long) segment.replicas().size()));
            stages.add(new RouteStage(device.gatewayId(), device.deviceId(), segment.fromLayer(), segment.toLayer()));
        }
        return new Route(stages);
    }

    /**
     * True when every stage of {@code route} is still a segment of the app's plan in {@code planSet},
     * held by the same device: a request on such a route may finish under the new epoch.
     */
    public static boolean stillServed(Route route, String appId, PlanSetPublished planSet) {
        AppPlan plan = planSet.plans().stream().filter(p -> p.appId().equals(appId)).findFirst().orElse(null);
        if (plan == null) {
            return false;
        }
        for (RouteStage stage : route.stages()) {
            boolean held = plan.segments().stream().anyMatch(segment -> segment.fromLayer() == stage.fromLayer()
                    && segment.toLayer() == stage.toLayer()
                    && segment.replicas().contains(new DeviceRef(stage.deviceId(), stage.gatewayId())));
            if (!held) {
                return false;
            }
        }
        return true;
    }
}
