package io.synergy.core.network;

import java.util.Arrays;
import java.util.Objects;

/**
 * The stored parameters of one layer with weights. {@code weights} holds one value per weight
 * (already the integer the hardware uses, in [-2^(b-1), 2^(b-1)-1]) in the checkpoint's layout:
 * conv2d O x I/g x kH x kW, conv1d O x I/g x k, linear O x I, convtranspose2d I x O x kH x kW.
 * {@code bias} holds the int8 bias per output channel (the value the hardware adds times 128), or
 * is null for a layer without bias.
 */
public record LayerParameters(byte[] weights, byte[] bias) {

    public LayerParameters {
        Objects.requireNonNull(weights, "weights");
    }

    public boolean hasBias() {
        return bias != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerParameters p && Arrays.equals(weights, p.weights) && Arrays.equals(bias, p.bias);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(weights) + Arrays.hashCode(bias);
    }

    @Override
    public String toString() {
        return "LayerParameters[" + weights.length + " weights, " + (bias == null ? "no" : bias.length) + " bias]";
    }
}
