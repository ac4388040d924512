package io.synergy.core.accelerator;

import java.util.List;

/**
 * The kernel placement of every layer of a segment [from, to), in layer order, and the rows used:
 * the highest end row over all layers (the izer's "kernel_memory_rows_used").
 */
public record KernelAllocation(int from, List<KernelPlacement> placements, int rowsUsed) {

    public KernelAllocation {
        placements = List.copyOf(placements);
    }

    public KernelPlacement placement(int layer) {
        return placements.get(layer - from);
    }
}
