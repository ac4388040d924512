package io.synergy.core.accelerator;

/**
 * Lazily allocated, reused arrays of one layer. A layer allocates on its first run only, so an
 * emulator of a long network that runs a short segment holds memory for that segment alone.
 */
final class Buffers {

    private Buffers() {
    }

    /** {@code planes} if it has at least {@code count} planes of at least {@code length}, else new ones. */
    static int[][] planes(int[][] planes, int count, int length) {
        if (planes != null && planes.length >= count && (count == 0 || planes[0].length >= length)) {
            return planes;
        }
        return new int[count][length];
    }

    static int[] ints(int[] array, int length) {
        return array != null && array.length >= length ? array : new int[length];
    }

    static long[] longs(long[] array, int length) {
        return array != null && array.length >= length ? array : new long[length];
    }
}
