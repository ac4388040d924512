package io.synergy.core.accelerator;

import io.synergy.core.tensor.Shape;

/**
 * One tensor inside the emulator: {@code data[c]} is channel c's plane, H*W int values row-major.
 * Every plane has room for whole {@link Buffers#BLOCK}s beyond that; what the room holds is not
 * data. Planes are shared by reference (a concatenation or a pass-through reuses them), so a holder
 * never writes a plane it did not allocate.
 */
record Planes(Shape shape, int[][] data) {

    /** The channels [from, from + count) as their own tensor, sharing the arrays. */
    Planes channels(int from, int count) {
        int[][] slice = new int[count][];
        System.arraycopy(data, from, slice, 0, count);
        return new Planes(shape.withChannels(count), slice);
    }

    int pixels() {
        return shape.pixels();
    }
}
