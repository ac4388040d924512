package io.synergy.core.accelerator;

/**
 * Lazily allocated, reused arrays of one layer. A layer allocates on its first run only, so an
 * emulator of a long network that runs a short segment holds memory for that segment alone.
 *
 * <p>Every plane has room for its length rounded up to {@link #BLOCK} values, so the multiply-
 * accumulate loops can run over whole blocks: C2 then executes them entirely in its vectorised main
 * loop instead of finishing each call in a scalar tail. What the padding holds is never read as data.
 */
final class Buffers {

    /** Values per block: four 512-bit vectors of ints, C2's unrolled main-loop step with AVX-512. */
    static final int BLOCK = 64;

    private Buffers() {
    }

    /** {@code length} rounded up to whole blocks. */
    static int blocks(int length) {
        return (length + BLOCK - 1) / BLOCK * BLOCK;
    }

    /**
     * {@code planes} if it has exactly {@code count} planes with room for {@code length} values in
     * whole blocks, else new ones.
     */
    static int[][] planes(int[][] planes, int count, int length) {
        int capacity = blocks(length);
        if (planes != null && planes.length == count && (count == 0 || planes[0].length >= capacity)) {
            return planes;
        }
        return new int[count][capacity];
    }

    static int[] ints(int[] array, int length) {
        return array != null && array.length >= length ? array : new int[length];
    }

    static long[] longs(long[] array, int length) {
        return array != null && array.length >= length ? array : new long[length];
    }
}
