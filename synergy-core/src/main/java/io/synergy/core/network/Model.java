package io.synergy.core.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A network with its parameters: what a device loads and runs. {@code parameters} is aligned with
 * the layers; entries of layers without weights are null. Construction checks every count and range
 * against the network, so a Model that exists can be run.
 */
public record Model(Network network, List<LayerParameters> parameters) {

    public Model {
        Objects.requireNonNull(network, "network");
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
        if (parameters.size() != network.size()) {
            throw new IllegalArgumentException("model " + network.name() + ": " + network.size()
                    + " layers but " + parameters.size() + " parameter entries");
        }
        for (Layer layer : network.layers()) {
            check(network, layer, parameters.get(layer.index()));
        }
    }

    public String name() {
        return network.name();
    }

    public LayerParameters parameters(int layer) {
        return parameters.get(layer);
    }

    private static void check(Network network, Layer layer, LayerParameters p) {
        String at = "model " + network.name() + ", layer " + layer.index() + ": ";
        if (!layer.hasWeights()) {
            if (p != null) {
                throw new IllegalArgumentException(at + "a " + layer.operation() + " layer takes no parameters");
            }
            return;
        }
        if (p == null) {
            throw new IllegalArgumentException(at + "weights are missing");
        }
        long expected = network.geometry(layer.index()).weightCount();
        if (p.weights().length != expected) {
            throw new IllegalArgumentException(at + "weights: expected " + expected + " values, got "
                    + p.weights().length);
        }
        int bits = layer.weightBits();
        int min = -(1 << (bits - 1));
        int max = (1 << (bits - 1)) - 1;
        if (bits == 1 && isBinary(p.weights())) {
            // 1-bit weights are two's complement -1/0. The alternative -1/+1 "binary" form (MAX78002
            // only) is what the izer selects when every weight is -1 or +1 (izer checkpoint.py; the
            // ai8x-synthesis README, "Number Format"). Either way the arithmetic is sum(w * x).
            checkBias(at, layer, p);
            return;
        }
        for (int i = 0; i < p.weights().length; i++) {
            int w = p.weights()[i];
            if (w < min || w > max) {
                throw new IllegalArgumentException(at + "weight " + i + " is " + w + ", outside [" + min + ", " + max
                        + "] for " + bits + "-bit weights" + (bits == 1 ? " (or every weight -1 or +1, binary)" : ""));
            }
        }
        checkBias(at, layer, p);
    }

    private static boolean isBinary(byte[] weights) {
        for (byte w : weights) {
            if (w != -1 && w != 1) {
                return false;
            }
        }
        return weights.length > 0;
    }

    private static void checkBias(String at, Layer layer, LayerParameters p) {
        if (layer.bias() != p.hasBias()) {
            throw new IllegalArgumentException(at + (layer.bias() ? "bias is missing" : "bias given, but the layer has none"));
        }
        if (p.hasBias() && p.bias().length != layer.outputChannels()) {
            throw new IllegalArgumentException(at + "bias: expected " + layer.outputChannels() + " values, got "
                    + p.bias().length);
        }
    }
}
