package io.synergy.core.accelerator;

import java.util.List;

/**
 * CNN cycles of a segment [from, from + layerCycles.size()): per layer, and the total the izer prints
 * ("ESTIMATED LATENCY" Total): one startup cycle plus the sum of the layers.
 */
public record SegmentCycles(int from, List<Long> layerCycles, long startupCycles) {

    public SegmentCycles {
        layerCycles = List.copyOf(layerCycles);
    }

    public long layer(int index) {
        return layerCycles.get(index - from);
    }

    public long total() {
        return startupCycles + layerCycles.stream().mapToLong(Long::longValue).sum();
    }
}
