package io.synergy.contracts.plan;

import io.synergy.contracts.Identifier;

import java.util.List;

/**
 * One segment [fromLayer, toLayer) of an app's network and the devices that hold it. More than one
 * replica means the planner replicated a bottleneck segment; the executor spreads requests over them.
 */
public record SegmentPlacement(int fromLayer, int toLayer, List<DeviceRef> replicas) {

    public SegmentPlacement {
        if (fromLayer < 0 || toLayer <= fromLayer) {
            throw new IllegalArgumentException("layers: a segment needs 0 <= fromLayer < toLayer, got ["
                    + fromLayer + ", " + toLayer + ")");
        }
        Identifier.requirePresent("replicas", replicas);
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("replicas: segment [" + fromLayer + ", " + toLayer + ") needs at least one device");
        }
        replicas = List.copyOf(replicas);
    }
}
