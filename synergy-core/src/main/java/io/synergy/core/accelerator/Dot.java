package io.synergy.core.accelerator;

/** Dot products of weights with inputs: w[0..n) . x[from..from + n). */
final class Dot {

    private Dot() {
    }

    /** Only where the caller has bounded every partial sum to fit an int. */
    static int intDot(int[] w, int[] x, int from, int n) {
        int s = 0;
        for (int k = 0; k < n; k++) {
            s += w[k] * x[from + k];
        }
        return s;
    }

    static long longDot(int[] w, int[] x, int from, int n) {
        long s = 0;
        for (int k = 0; k < n; k++) {
            s += (long) w[k] * x[from + k];
        }
        return s;
    }
}
