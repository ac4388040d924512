package io.synergy.core.network;

/**
 * A two-dimensional extent (kernel, padding, stride, dilation, pooling window): height x width.
 * One-dimensional layers use (length, 1) for kernels and windows and (pad, 0) for padding.
 */
public record Window(int height, int width) {

    public static final Window ONE = new Window(1, 1);
    public static final Window ZERO = new Window(0, 0);

    public Window {
        if (height < 0 || width < 0) {
            throw new IllegalArgumentException("window: dimensions must be >= 0, got " + height + "x" + width);
        }
    }

    public static Window square(int size) {
        return new Window(size, size);
    }

    public int area() {
        return height * width;
    }

    @Override
    public String toString() {
        return height + "x" + width;
    }
}
