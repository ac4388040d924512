package io.synergy.core.tensor;

/**
 * An activation as the accelerator holds it: CHW row-major values of one width. Int8 activations
 * flow between layers; 32-bit ("wide") tensors are the raw accumulators a final layer can emit.
 */
public sealed interface Tensor permits Int8Tensor, WideTensor {

    Shape shape();

    /** Bits per element: 8 or 32. */
    int widthBits();

    /** The element at a CHW row-major index. */
    int at(int index);

    default int at(int c, int h, int w) {
        return at(shape().offset(c, h, w));
    }

    default int byteSize() {
        return shape().elements() * widthBits() / 8;
    }

    /** A copy of all elements as ints, CHW row-major. */
    int[] toIntArray();
}
