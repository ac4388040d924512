package io.synergy.core.network;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Seeded random parameters for a network in tests: weights within each layer's bit width, int8 biases. */
public final class RandomParameters {

    private RandomParameters() {
    }

    public static Model of(Network network, RandomGenerator random) {
        List<LayerParameters> parameters = new ArrayList<>();
        for (Layer layer : network.layers()) {
            if (!layer.hasWeights()) {
                parameters.add(null);
                continue;
            }
            byte[] weights = new byte[(int) network.geometry(layer.index()).weightCount()];
            int bits = layer.weightBits();
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (byte) (random.nextInt(1 << bits) - (1 << (bits - 1)));
            }
            byte[] bias = null;
            if (layer.bias()) {
                bias = new byte[layer.outputChannels()];
                random.nextBytes(bias);
            }
            parameters.add(new LayerParameters(weights, bias));
        }
        return new Model(network, parameters);
    }
}
