package io.synergy.core.accelerator;

/**
 * Where a layer's kernels sit in kernel memory: rows [offsetRows, offsetRows + lengthRows) of every
 * processor in {@code processors} (the izer's "Kernel offset" and "Kernel length"). Layers without
 * weights have offset 0, length 0, count 0.
 *
 * @param kernelCount the izer's "Kernel count": kernels (output channels x passes, times inputs per
 *                    processor for flattening layers) per processor, including alignment gaps
 */
public record KernelPlacement(int layer, int offsetRows, int lengthRows, int kernelCount, long processors) {

    public KernelPlacement {
        if (offsetRows < 0 || lengthRows < 0 || kernelCount < 0) {
            throw new IllegalArgumentException("layer " + layer + ": kernel offset, length and count must be >= 0");
        }
    }

    public int endRow() {
        return offsetRows + lengthRows;
    }
}
