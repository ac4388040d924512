package io.synergy.core.tensor;

import java.util.Arrays;

/**
 * An integer array read from or written to a {@code .npy} file: its dimensions (C order, possibly
 * empty for a scalar) and its elements as ints in row-major order. {@code dtype} is the NumPy type
 * string the file declared ({@code <i8}, {@code <i4}, {@code <i2}, {@code |i1}, {@code |u1}).
 */
public record NpyArray(int[] dims, int[] values, String dtype) {

    public NpyArray {
        dims = dims.clone();
        long count = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new NpyFormatException("npy array: dimensions must be >= 0, got " + Arrays.toString(dims));
            }
            count *= d;
            if (count > Npy.MAX_ELEMENTS) {
                throw new NpyFormatException("npy array: " + Arrays.toString(dims) + " has more than "
                        + Npy.MAX_ELEMENTS + " elements");
            }
        }
        if (values.length != count) {
            throw new NpyFormatException("npy array: " + Arrays.toString(dims) + " needs " + count + " values, got "
                    + values.length);
        }
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    public int elementCount() {
        return values.length;
    }

    /**
     * The activation shape of these dimensions: [C], [C, L] or [C, H, W]; a trailing dimension of 1
     * on a 4-D array is not accepted (the izer's arrays are at most 3-D).
     */
    public Shape shape() {
        return Shape.of(dims);
    }

    /** The values as an int8 tensor of {@link #shape()}; each must lie in [-128, 127]. */
    public Int8Tensor toInt8Tensor() {
        return Int8Tensor.fromInts(shape(), values);
    }

    /** The values as a 32-bit tensor of {@link #shape()}. */
    public WideTensor toWideTensor() {
        return WideTensor.of(shape(), values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && Arrays.equals(dims, a.dims) && Arrays.equals(values, a.values)
                && dtype.equals(a.dtype);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(dims) + Arrays.hashCode(values)) + dtype.hashCode();
    }

    @Override
    public String toString() {
        return "NpyArray[" + Arrays.toString(dims) + ", " + dtype + "]";
    }
}
