package io.synergy.core.accelerator;

import java.util.List;

/**
 * The bias memory a segment uses: per group, the bytes allocated including alignment (the izer's
 * "Used bias memory" per group), and the placement of every layer's values.
 */
public record BiasAllocation(List<Integer> bytesPerGroup, List<BiasPlacement> placements) {

    public BiasAllocation {
        bytesPerGroup = List.copyOf(bytesPerGroup);
        placements = List.copyOf(placements);
    }

    /** The izer's "Bias memory" figure: the sum over groups. */
    public int totalBytes() {
        return bytesPerGroup.stream().mapToInt(Integer::intValue).sum();
    }
}
