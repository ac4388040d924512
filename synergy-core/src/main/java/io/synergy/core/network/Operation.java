package io.synergy.core.network;

/** What a layer computes after input selection, element-wise combination and pooling. */
public enum Operation {
    CONV1D,
    CONV2D,
    CONV_TRANSPOSE2D,
    /** A fully connected layer (ai8x "MLP"/"Linear"); with {@code flatten} it reads C*H*W inputs. */
    LINEAR,
    /** No convolution: the output is the (combined, pooled) input. ai8x "passthrough" or "none". */
    PASSTHROUGH;

    public boolean hasWeights() {
        return this != PASSTHROUGH;
    }
}
