package io.synergy.core.tensor;

import java.util.Arrays;

/**
 * The shape of an activation tensor, channel first: C x H x W. One-dimensional data (C x L) is held
 * as C x L x 1, the way the ai8x toolchain treats it; whether a tensor is 1-D is a property of the
 * layer that reads it, not of its shape.
 */
public record Shape(int channels, int height, int width) {

    /** Largest element count a single tensor may have (guards codecs against hostile sizes). */
    public static final long MAX_ELEMENTS = 1L << 28;

    public Shape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("shape: every dimension must be >= 1, got "
                    + channels + "x" + height + "x" + width);
        }
        if ((long) channels * height * width > MAX_ELEMENTS) {
            throw new IllegalArgumentException("shape: " + channels + "x" + height + "x" + width
                    + " has more than " + MAX_ELEMENTS + " elements");
        }
    }

    /** [C], [C, L] or [C, H, W]. */
    public static Shape of(int... dims) {
        return switch (dims.length) {
            case 1 -> new Shape(dims[0], 1, 1);
            case 2 -> new Shape(dims[0], dims[1], 1);
            case 3 -> new Shape(dims[0], dims[1], dims[2]);
            default -> throw new IllegalArgumentException(
                    "shape: expected 1 to 3 dimensions (C, CxL or CxHxW), got " + Arrays.toString(dims));
        };
    }

    public int elements() {
        return channels * height * width;
    }

    public int pixels() {
        return height * width;
    }

    /** Row-major (CHW) offset of one element. */
    public int offset(int c, int h, int w) {
        return (c * height + h) * width + w;
    }

    public Shape withChannels(int newChannels) {
        return new Shape(newChannels, height, width);
    }

    public int[] toArray() {
        return new int[] {channels, height, width};
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
