package io.synergy.contracts.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * What a block of raw tensor bytes holds: element type and shape, outermost dimension first (CHW
 * for activations, as the Open Inference Protocol lists a shape). Travels in headers beside the
 * bytes of an activation, and inside {@link WireTensor} in JSON.
 *
 * @param datatype element type
 * @param shape    dimensions, each >= 1, at most 4 of them
 */
public record TensorDescriptor(TensorDatatype datatype, List<Integer> shape) {

    /** Largest element count accepted on the wire (as the core's Shape.MAX_ELEMENTS). */
    public static final long MAX_ELEMENTS = 1L << 28;

    /** Most dimensions a shape may list. */
    public static final int MAX_DIMENSIONS = 4;

    public TensorDescriptor {
        if (datatype == null) {
            throw new IllegalArgumentException("datatype: required, got null");
        }
        if (shape == null || shape.isEmpty() || shape.size() > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("shape: needs 1 to " + MAX_DIMENSIONS + " dimensions, got " + shape);
        }
        long elements = 1;
        for (Integer dimension : shape) {
            if (dimension == null || dimension < 1) {
                throw new IllegalArgumentException("shape: every dimension must be >= 1, got " + shape);
            }
            elements *= dimension;
            if (elements > MAX_ELEMENTS) {
                throw new IllegalArgumentException("shape: " + shape + " has more than " + MAX_ELEMENTS + " elements");
            }
        }
        shape = List.copyOf(shape);
    }

    public static TensorDescriptor of(TensorDatatype datatype, int... shape) {
        List<Integer> dimensions = new ArrayList<>(shape.length);
        for (int dimension : shape) {
            dimensions.add(dimension);
        }
        return new TensorDescriptor(datatype, dimensions);
    }

    public int elements() {
        int elements = 1;
        for (int dimension : shape) {
            elements *= dimension;
        }
        return elements;
    }

    /** Bytes of the raw form: elements x bytes per element. */
    public long byteSize() {
        return (long) elements() * datatype.bytesPerElement();
    }

    /** The shape as the header carries it: dimensions joined by commas, e.g. {@code 1,28,28}. */
    public String shapeText() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < shape.size(); i++) {
            text.append(i == 0 ? "" : ",").append(shape.get(i));
        }
        return text.toString();
    }

    /**
     * Reads the header form of a shape written by {@link #shapeText()}.
     *
     * @throws IllegalArgumentException naming the field and the expected form
     */
    public static List<Integer> parseShape(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + ": shape must be comma-separated dimensions such as 1,28,28, got "
                    + (text == null ? "nothing" : "blank text"));
        }
        List<Integer> dimensions = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                dimensions.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + ": shape must be comma-separated dimensions such as 1,28,28, got '"
                        + text + "'", e);
            }
        }
        return dimensions;
    }
}
