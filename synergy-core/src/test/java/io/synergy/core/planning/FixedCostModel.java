package io.synergy.core.planning;

import io.synergy.core.network.Network;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A cost model with hand-set figures for estimator and simulator tests: per network, per layer compute
 * microseconds and weight bytes; no I/O time; weight loading at 1 byte per microsecond; one device type
 * {@code small} with the given weight capacity and 32 layers.
 */
public final class FixedCostModel implements CostModel {

    public static final String TYPE = "small";

    private final long weightCapacity;
    private final Map<String, double[]> computeMicros = new HashMap<>();
    private final Map<String, long[]> weightBytes = new HashMap<>();

    public FixedCostModel(long weightCapacity) {
        this.weightCapacity = weightCapacity;
    }

    public FixedCostModel network(String name, double[] layerMicros, long[] layerWeightBytes) {
        computeMicros.put(name, layerMicros);
        weightBytes.put(name, layerWeightBytes);
        return this;
    }

    @Override
    public Set<String> deviceTypes() {
        return Set.of(TYPE);
    }

    @Override
    public ResourceUse capacity(String deviceType) {
        return new ResourceUse(weightCapacity, 2048, 32);
    }

    @Override
    public Optional<SegmentCost> segment(Network network, int from, int to, String deviceType) {
        double micros = 0;
        long weights = 0;
        for (int i = from; i < to; i++) {
            micros += computeMicros.get(network.name())[i];
            weights += weightBytes.get(network.name())[i];
        }
        if (weights > weightCapacity) {
            return Optional.empty();
        }
        return Optional.of(new SegmentCost(micros, 0, weights, new ResourceUse(weights, 0, to - from)));
    }
}
