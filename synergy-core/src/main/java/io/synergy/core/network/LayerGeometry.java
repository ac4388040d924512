package io.synergy.core.network;

import io.synergy.core.tensor.Shape;

/**
 * The tensor shapes around one layer, derived from the network: {@code input} after input selection
 * and element-wise combination (one operand's shape), {@code pooled} after pooling, {@code output}
 * after the operation. {@code weightCount} is the number of weights the layer stores.
 */
public record LayerGeometry(Shape input, Shape pooled, Shape output, long weightCount) {
}
