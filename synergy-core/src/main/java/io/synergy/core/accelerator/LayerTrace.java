package io.synergy.core.accelerator;

import io.synergy.core.tensor.Tensor;

/**
 * One layer of a traced run: its output and, for a layer with weights, its full-resolution
 * accumulators before requantisation (CHW over the output shape; null for a pass-through layer).
 * The array belongs to the trace; treat it as read-only.
 */
public record LayerTrace(int layer, Tensor output, long[] accumulator) {

    public boolean hasAccumulator() {
        return accumulator != null;
    }
}
