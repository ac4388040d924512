package io.synergy.contracts.tensor;

/**
 * Element types on the wire, named as the Open Inference Protocol names them. Activations between
 * stages are INT8; the last layer of a network may emit INT32 ("wide" output, 32-bit accumulators).
 */
public enum TensorDatatype {
    INT8(1, Byte.MIN_VALUE, Byte.MAX_VALUE),
    INT32(4, Integer.MIN_VALUE, Integer.MAX_VALUE);

    private final int bytesPerElement;
    private final long min;
    private final long max;

    TensorDatatype(int bytesPerElement, long min, long max) {
        this.bytesPerElement = bytesPerElement;
        this.min = min;
        this.max = max;
    }

    public int bytesPerElement() {
        return bytesPerElement;
    }

    /** True when {@code value} is representable in this type. */
    public boolean holds(long value) {
        return value >= min && value <= max;
    }

    /**
     * The type of an OIP datatype name.
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static TensorDatatype parse(String field, String name) {
        for (TensorDatatype type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException(field + ": datatype must be one of INT8, INT32, got '" + name + "'");
    }
}
