package io.synergy.contracts.plan;

import io.synergy.contracts.Identifier;

import java.util.List;

/**
 * The execution plan of one app: its ends, its contiguous segments from layer 0 with their devices,
 * and the planner's estimate.
 */
public record AppPlan(String appId, String modelName, PlanEnds ends, List<SegmentPlacement> segments,
                      PlanEstimate estimate) {

    public AppPlan {
        Identifier.require("appId", appId);
        Identifier.require("modelName", modelName);
        Identifier.requirePresent("ends", ends);
        Identifier.requirePresent("segments", segments);
        Identifier.requirePresent("estimate", estimate);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("segments: plan of app " + appId + " needs at least one segment");
        }
        segments = List.copyOf(segments);
        if (segments.get(0).fromLayer() != 0) {
            throw new IllegalArgumentException("segments: plan of app " + appId + " must start at layer 0, got "
                    + segments.get(0).fromLayer());
        }
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i).fromLayer() != segments.get(i - 1).toLayer()) {
                throw new IllegalArgumentException("segments: plan of app " + appId + ": segment " + i
                        + " must start at layer " + segments.get(i - 1).toLayer() + ", got " + segments.get(i).fromLayer());
            }
        }
    }

    /** Layers of the whole network (the end of the last segment). */
    public int layerCount() {
        return segments.get(segments.size() - 1).toLayer();
    }
}
