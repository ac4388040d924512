package io.synergy.core.network.ai8x;

import java.util.Arrays;

/**
 * One tensor of a checkpoint's {@code state_dict}, materialised in C (row-major) order from its
 * storage, offset and strides. Values are held as doubles, which is exact for every float32 and
 * for integers up to 2^53 (quantized ai8x weights are small integers stored as float32).
 *
 * @param key   the state_dict key
 * @param dtype the storage's element type (float32, int64, ...)
 */
public record CheckpointTensor(String key, String dtype, int[] shape, double[] values) {

    public CheckpointTensor {
        shape = shape.clone();
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        if (count != values.length) {
            throw new IllegalArgumentException("tensor " + key + ": shape " + Arrays.toString(shape) + " needs "
                    + count + " values, got " + values.length);
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** A copy of the values, C order. */
    @Override
    public double[] values() {
        return values.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int elementCount() {
        return values.length;
    }

    public double value(int index) {
        return values[index];
    }

    /**
     * The values as ints; each must be an integer in the int range, else the error names the key,
     * the index and the value (a checkpoint that is not quantized fails here).
     */
    public int[] intValues() {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new ModelImportException("checkpoint tensor '" + key + "': element " + i + " is " + v
                        + ", not an integer (is the checkpoint quantized?)");
            }
            out[i] = (int) v;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckpointTensor t && key.equals(t.key) && dtype.equals(t.dtype)
                && Arrays.equals(shape, t.shape) && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return (31 * key.hashCode() + Arrays.hashCode(shape)) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "CheckpointTensor[" + key + ", " + dtype + " " + Arrays.toString(shape) + "]";
    }
}
