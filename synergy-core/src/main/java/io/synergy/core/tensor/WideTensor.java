package io.synergy.core.tensor;

import java.util.Arrays;
import java.util.Objects;

/** A 32-bit output tensor (raw accumulators of a wide final layer), CHW row-major. Immutable. */
public final class WideTensor implements Tensor {

    private final Shape shape;
    private final int[] data;

    private WideTensor(Shape shape, int[] data) {
        this.shape = Objects.requireNonNull(shape, "shape");
        if (data.length != shape.elements()) {
            throw new IllegalArgumentException("tensor data: " + shape + " needs " + shape.elements()
                    + " int32 values, got " + data.length);
        }
        this.data = data;
    }

    /** Wraps the array without copying; the caller hands over ownership. */
    public static WideTensor wrap(Shape shape, int[] data) {
        return new WideTensor(shape, data);
    }

    public static WideTensor of(Shape shape, int[] data) {
        return new WideTensor(shape, data.clone());
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public int widthBits() {
        return 32;
    }

    @Override
    public int at(int index) {
        return data[index];
    }

    @Override
    public int[] toIntArray() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WideTensor t && shape.equals(t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "WideTensor[" + shape + "]";
    }
}
