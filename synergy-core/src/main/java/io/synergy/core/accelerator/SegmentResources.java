package io.synergy.core.accelerator;

/**
 * What a segment [from, to) needs of a device's memories and layer slots.
 *
 * @param weightBytes   the izer's "Weight memory": sum over layers of weight count x bits / 8
 * @param kernels       the kernel rows each layer occupies per processor
 * @param bias          the bias bytes per group, as the izer allocates them (alignment included)
 * @param data          the largest per-instance data-memory need (see {@link DataMemoryUse})
 * @param layerCount    hardware layers (the layers, plus any extra layers the device inserts)
 * @param needsDepthwise whether a layer is a depthwise convolution
 */
public record SegmentResources(int from, int to, long weightBytes, KernelAllocation kernels, BiasAllocation bias,
                               DataMemoryUse data, int layerCount, boolean needsDepthwise) {

    /** The izer's "kernel_memory_rows_used": max over layers of kernel offset + length. */
    public int kernelRowsUsed() {
        return kernels.rowsUsed();
    }

    public int biasBytes() {
        return bias.totalBytes();
    }
}
