package io.synergy.core.network.ai8x;

/**
 * What a network description lacks for one layer with weights, and a checkpoint (or a profile)
 * supplies: the output channels (the weight tensor's output dimension), the weight bit width,
 * whether the layer has a bias, and the effective output shift s = output_shift + 8 - weightBits
 * that requantisation uses.
 */
public record LayerCompletion(int outputChannels, int weightBits, boolean bias, int outputShift) {

    public LayerCompletion {
        if (outputChannels < 1) {
            throw new IllegalArgumentException("layer completion: outputChannels must be >= 1, got " + outputChannels);
        }
        if (weightBits != 1 && weightBits != 2 && weightBits != 4 && weightBits != 8) {
            throw new IllegalArgumentException("layer completion: weightBits must be 1, 2, 4 or 8, got " + weightBits);
        }
    }
}
