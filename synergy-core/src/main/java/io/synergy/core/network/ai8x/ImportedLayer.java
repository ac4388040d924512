package io.synergy.core.network.ai8x;

import java.util.Arrays;

/**
 * What the importer took from the checkpoint for one layer with weights: the facts the izer prints
 * in its {@code --display-checkpoint} table, so an import can be explained and compared with it.
 *
 * @param layer           index of the layer in the network description
 * @param weightKey       state_dict key of the weights
 * @param biasKey         state_dict key of the bias, or null when the layer has none
 * @param checkpointShape the weight tensor's shape as stored (conv2d O x I/g x kH x kW, ...)
 * @param inChannels      input channels implied by the weights (linear: input features)
 * @param outChannels     output channels implied by the weights
 * @param weightBits      b, the weight bit width
 * @param outputShift     the effective shift s = output_shift + 8 - b
 * @param weightMin       smallest weight (integer value as stored)
 * @param weightMax       largest weight
 * @param biasMin         smallest izer bias (floor(value / 2^(b-1))), 0 without bias
 * @param biasMax         largest izer bias, 0 without bias
 */
public record ImportedLayer(int layer, String weightKey, String biasKey, int[] checkpointShape, int inChannels,
                            int outChannels, int weightBits, int outputShift, int weightMin, int weightMax,
                            int biasMin, int biasMax) {

    public ImportedLayer {
        checkpointShape = checkpointShape.clone();
    }

    @Override
    public int[] checkpointShape() {
        return checkpointShape.clone();
    }

    public boolean hasBias() {
        return biasKey != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImportedLayer l && layer == l.layer && weightKey.equals(l.weightKey)
                && java.util.Objects.equals(biasKey, l.biasKey) && Arrays.equals(checkpointShape, l.checkpointShape)
                && inChannels == l.inChannels && outChannels == l.outChannels && weightBits == l.weightBits
                && outputShift == l.outputShift && weightMin == l.weightMin && weightMax == l.weightMax
                && biasMin == l.biasMin && biasMax == l.biasMax;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(layer, weightKey, biasKey, Arrays.hashCode(checkpointShape), weightBits,
                outputShift);
    }

    @Override
    public String toString() {
        return "ImportedLayer[" + layer + ", " + weightKey + " " + Arrays.toString(checkpointShape) + ", bias "
                + biasKey + ", " + weightBits + " bits, shift " + outputShift + "]";
    }
}
