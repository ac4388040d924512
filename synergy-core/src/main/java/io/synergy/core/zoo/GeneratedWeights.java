package io.synergy.core.zoo;

import io.synergy.core.network.Layer;
import io.synergy.core.network.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic weights for a zoo network: per layer with weights, {@code weightCount}
 * values drawn uniformly from the whole valid range of the layer's bit width b,
 * [-2^(b-1), 2^(b-1) - 1] (1-bit weights are the two values -1 and +1), in the checkpoint layout the
 * emulator reads. The generator is seeded from the model name, so every JVM builds the same weights.
 */
final class GeneratedWeights {

    private GeneratedWeights() {
    }

    /** The seed of a model's generator: {@link String#hashCode()} is specified, hence stable. */
    static long seedOf(String modelName) {
        return 0x5EED_0000_0000L ^ modelName.hashCode();
    }

    /** Per layer (aligned with the network's layers) the weights, or null for a layer without weights. */
    static List<byte[]> generate(Network network, SplittableRandom random) {
        List<byte[]> weights = new ArrayList<>(network.size());
        for (Layer layer : network.layers()) {
            if (!layer.hasWeights()) {
                weights.add(null);
                continue;
            }
            long count = network.geometry(layer.index()).weightCount();
            byte[] values = new byte[Math.toIntExact(count)];
            int bits = layer.weightBits();
            for (int i = 0; i < values.length; i++) {
                values[i] = (byte) (bits == 1
                        ? (random.nextBoolean() ? 1 : -1)
                        : random.nextInt(-(1 << (bits - 1)), 1 << (bits - 1)));
            }
            weights.add(values);
        }
        return weights;
    }
}
