package io.synergy.core.tensor;

import java.util.Arrays;
import java.util.Objects;

/** An int8 activation tensor, CHW row-major. Immutable: the constructor and accessors copy. */
public final class Int8Tensor implements Tensor {

    private final Shape shape;
    private final byte[] data;

    private Int8Tensor(Shape shape, byte[] data) {
        this.shape = Objects.requireNonNull(shape, "shape");
        if (data.length != shape.elements()) {
            throw new IllegalArgumentException("tensor data: " + shape + " needs " + shape.elements()
                    + " int8 values, got " + data.length);
        }
        this.data = data;
    }

    /** Wraps the array without copying; the caller hands over ownership. */
    public static Int8Tensor wrap(Shape shape, byte[] data) {
        return new Int8Tensor(shape, data);
    }

    public static Int8Tensor of(Shape shape, byte[] data) {
        return new Int8Tensor(shape, data.clone());
    }

    /** From ints that must each lie in [-128, 127]. */
    public static Int8Tensor fromInts(Shape shape, int[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            int v = values[i];
            if (v < Byte.MIN_VALUE || v > Byte.MAX_VALUE) {
                throw new IllegalArgumentException("tensor data: element " + i + " is " + v
                        + ", outside the int8 range [-128, 127]");
            }
            bytes[i] = (byte) v;
        }
        return new Int8Tensor(shape, bytes);
    }

    public static Int8Tensor zeros(Shape shape) {
        return new Int8Tensor(shape, new byte[shape.elements()]);
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public int widthBits() {
        return 8;
    }

    @Override
    public int at(int index) {
        return data[index];
    }

    /** A copy of the raw values. */
    public byte[] toByteArray() {
        return data.clone();
    }

    /** The backing array, for kernels in this module that only read it. */
    byte[] raw() {
        return data;
    }

    @Override
    public int[] toIntArray() {
        int[] out = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = data[i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Int8Tensor t && shape.equals(t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Int8Tensor[" + shape + "]";
    }
}
