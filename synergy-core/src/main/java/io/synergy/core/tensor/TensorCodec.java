package io.synergy.core.tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The compact binary form of a tensor: raw little-endian elements in CHW row-major order, nothing
 * else (the layout of the Open Inference Protocol binary tensor extension: INT8 one byte each, INT32
 * four bytes each). Shape and width travel beside the bytes (headers, JSON), never inside them.
 */
public final class TensorCodec {

    private TensorCodec() {
    }

    public static byte[] encode(Tensor tensor) {
        if (tensor instanceof Int8Tensor t) {
            return t.raw().clone();
        }
        ByteBuffer buffer = ByteBuffer.allocate(tensor.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0, n = tensor.shape().elements(); i < n; i++) {
            buffer.putInt(tensor.at(i));
        }
        return buffer.array();
    }

    /**
     * Decodes bytes written by {@link #encode}.
     *
     * @throws IllegalArgumentException naming the expected and actual byte counts when they differ
     */
    public static Tensor decode(byte[] bytes, Shape shape, int widthBits) {
        return decode(bytes, 0, bytes.length, shape, widthBits);
    }

    /** Decodes {@code length} bytes from {@code offset}; see {@link #decode(byte[], Shape, int)}. */
    public static Tensor decode(byte[] bytes, int offset, int length, Shape shape, int widthBits) {
        if (widthBits != 8 && widthBits != 32) {
            throw new IllegalArgumentException("tensor width: must be 8 or 32 bits, got " + widthBits);
        }
        long expected = (long) shape.elements() * widthBits / 8;
        if (length != expected) {
            throw new IllegalArgumentException("tensor bytes: " + shape + " at " + widthBits
                    + " bits needs " + expected + " bytes, got " + length);
        }
        if (widthBits == 8) {
            byte[] copy = new byte[length];
            System.arraycopy(bytes, offset, copy, 0, length);
            return Int8Tensor.wrap(shape, copy);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length).order(ByteOrder.LITTLE_ENDIAN);
        int[] values = new int[shape.elements()];
        for (int i = 0; i < values.length; i++) {
            values[i] = buffer.getInt();
        }
        return WideTensor.wrap(shape, values);
    }
}
