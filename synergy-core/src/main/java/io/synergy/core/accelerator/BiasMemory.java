package io.synergy.core.accelerator;

/**
 * Bias memory: one memory of {@code bytesPerGroup} bytes in each of {@code groups} processor groups
 * (quadrants). A layer's bias values live in one group (depthwise layers: in every group they use).
 * Source: ai8x-synthesis {@code izer/tornadocnn.py} {@code BIAS_SIZE}, {@code izer/kbias.py}.
 */
public record BiasMemory(int groups, int bytesPerGroup) {

    public BiasMemory {
        if (groups < 1 || bytesPerGroup < 1) {
            throw new IllegalArgumentException("bias memory: groups and bytes per group must be >= 1, got "
                    + groups + " x " + bytesPerGroup);
        }
    }

    public int totalBytes() {
        return groups * bytesPerGroup;
    }
}
