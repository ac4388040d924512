package io.synergy.core.zoo;

import io.synergy.core.network.Layer;
import io.synergy.core.network.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic weights for a zoo network: per layer with weights, {@code weightCount} values
 * drawn uniformly from the symmetric part of the valid range of the layer's bit width b,
 * [-(2^(b-1) - 1), 2^(b-1) - 1] (1-bit layers: -1 or +1, the binary form), in the checkpoint layout the
 * emulator reads ({@link io.synergy.core.network.LayerParameters}). Every value is valid; the most
 * negative two's-complement value -2^(b-1) is not drawn, so that weights have zero mean. Drawn from the
 * whole range they would average -1/2, and a layer of fan-in n would then add about -n/2 times the
 * mean of its input to every output: in 2- and 4-bit layers that common offset outweighs the signal
 * and swings from input to input, which no fixed bias or shift can absorb.
 * The generator is seeded from the model name, so every JVM builds the same weights.
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
                        : random.nextInt(1 - (1 << (bits - 1)), 1 << (bits - 1)));
            }
            weights.add(values);
        }
        return weights;
    }
}
