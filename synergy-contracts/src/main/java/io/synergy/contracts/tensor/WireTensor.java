package io.synergy.contracts.tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * A tensor in JSON, as the Open Inference Protocol writes one: datatype, shape and the elements in
 * row-major order as plain numbers ({@code "data": [0, -3, 127, ...]}), so that a person can type
 * one. Its raw form (activation record values, the OIP binary extension) is the elements as
 * little-endian integers of the datatype's width, back to back, nothing else.
 *
 * @param datatype element type
 * @param shape    dimensions, outermost first
 * @param data     elements in row-major order; each within the datatype's range
 */
public record WireTensor(TensorDatatype datatype, List<Integer> shape, int[] data) {

    public WireTensor {
        TensorDescriptor descriptor = new TensorDescriptor(datatype, shape);
        shape = descriptor.shape();
        if (data == null) {
            throw new IllegalArgumentException("data: required, got null");
        }
        if (data.length != descriptor.elements()) {
            throw new IllegalArgumentException("data: shape " + shape + " needs " + descriptor.elements()
                    + " elements, got " + data.length);
        }
        for (int i = 0; i < data.length; i++) {
            if (!datatype.holds(data[i])) {
                throw new IllegalArgumentException("data[" + i + "]: " + data[i] + " is outside the range of " + datatype);
            }
        }
        data = data.clone();
    }

    public TensorDescriptor descriptor() {
        return new TensorDescriptor(datatype, shape);
    }

    @Override
    public int[] data() {
        return data.clone();
    }

    /** The raw little-endian form. */
    public byte[] toBytes() {
        if (datatype == TensorDatatype.INT8) {
            byte[] bytes = new byte[data.length];
            for (int i = 0; i < data.length; i++) {
                bytes[i] = (byte) data[i];
            }
            return bytes;
        }
        ByteBuffer buffer = ByteBuffer.allocate(data.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int value : data) {
            buffer.putInt(value);
        }
        return buffer.array();
    }

    /**
     * Reads the raw form.
     *
     * @throws IllegalArgumentException naming the expected and actual byte counts when they differ
     */
    public static WireTensor fromBytes(TensorDescriptor descriptor, byte[] bytes) {
        if (bytes == null || bytes.length != descriptor.byteSize()) {
            throw new IllegalArgumentException("tensor bytes: " + descriptor.datatype() + " " + descriptor.shape()
                    + " needs " + descriptor.byteSize() + " bytes, got " + (bytes == null ? "none" : bytes.length));
        }
        int[] data = new int[descriptor.elements()];
        if (descriptor.datatype() == TensorDatatype.INT8) {
            for (int i = 0; i < data.length; i++) {
                data[i] = bytes[i];
            }
        } else {
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < data.length; i++) {
                data[i] = buffer.getInt();
            }
        }
        return new WireTensor(descriptor.datatype(), descriptor.shape(), data);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WireTensor that && datatype == that.datatype && shape.equals(that.shape)
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * datatype.hashCode() + shape.hashCode()) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "WireTensor[" + datatype + " " + shape + ", " + data.length + " elements]";
    }
}
