package io.synergy.core.accelerator;

import io.synergy.core.network.Layer;
import io.synergy.core.network.LayerGeometry;
import io.synergy.core.network.Network;

/** Work counts of a layer as the izer reports them in its "SUMMARY OF OPS" ({@code izer/stats.py}). */
public final class OperationCounts {

    private OperationCounts() {
    }

    /**
     * Multiply-accumulates: (input channels / groups) x kernel area x output elements, padding positions
     * included; a flattening layer's inputs are its C x H x W values; layers without weights do none.
     */
    public static long macs(Network network, int index) {
        Layer layer = network.layer(index);
        if (!layer.hasWeights()) {
            return 0;
        }
        LayerGeometry g = network.geometry(index);
        long inputs = layer.flatten() ? g.pooled().elements() : g.pooled().channels();
        return inputs / layer.convGroups() * layer.kernel().area() * g.output().elements();
    }
}
