package io.synergy.core.planning;

import io.synergy.core.network.Layer;
import io.synergy.core.network.LayerGeometry;
import io.synergy.core.network.Network;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A simple stand-in for the accelerator cost model: cycles per layer = output pixels x ceil(input
 * channels / 64) x kernel area + 100; MAX78000 at 50 MHz, MAX78002 at 200 MHz with 2x the processors
 * per pass; I/O at 100 bytes per microsecond; weight loading at 50 bytes per microsecond; memory limits
 * as in DESIGN.md section 5.
 */
public final class TestCostModel implements CostModel {

    public static final String MAX78000 = "max78000";
    public static final String MAX78002 = "max78002";

    private static final Map<String, ResourceUse> CAPACITY = Map.of(
            MAX78000, new ResourceUse(442_368, 2_048, 32),
            MAX78002, new ResourceUse(2_396_160, 8_192, 128));

    @Override
    public Set<String> deviceTypes() {
        return CAPACITY.keySet();
    }

    @Override
    public ResourceUse capacity(String deviceType) {
        return CAPACITY.get(deviceType);
    }

    @Override
    public Optional<SegmentCost> segment(Network network, int from, int to, String deviceType) {
        long weights = 0;
        long bias = 0;
        double cycles = 0;
        boolean big = deviceType.equals(MAX78002);
        for (int i = from; i < to; i++) {
            Layer layer = network.layer(i);
            LayerGeometry g = network.geometry(i);
            weights += g.weightCount() * layer.weightBits() / 8;
            bias += layer.bias() ? layer.outputChannels() : 0;
            int passes = (g.pooled().channels() + (big ? 127 : 63)) / (big ? 128 : 64);
            cycles += (double) g.output().pixels() * passes * layer.kernel().area() + 100;
        }
        ResourceUse use = new ResourceUse(weights, bias, to - from);
        if (!use.fitsWithin(CAPACITY.get(deviceType))) {
            return Optional.empty();
        }
        double clockMhz = big ? 200 : 50;
        long ioBytes = network.boundaryBytes(from) + network.boundaryBytes(to);
        return Optional.of(new SegmentCost(cycles / clockMhz, ioBytes / 100.0, (weights + bias) / 50.0, use));
    }
}
