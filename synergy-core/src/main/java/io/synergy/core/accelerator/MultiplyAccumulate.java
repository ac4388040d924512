package io.synergy.core.accelerator;

/**
 * The innermost multiply-accumulate loops, written so that C2 vectorises them: every array is read
 * at the loop index (plus a loop-invariant offset only for read-only arrays in the dot products).
 * The int versions are for callers that have bounded every partial sum to fit an int.
 */
final class MultiplyAccumulate {

    private MultiplyAccumulate() {
    }

    /**
     * a[i] += w0 r0[i] + w1 r1[i] + w2 r2[i] + w3 r3[i] for i in [from, to). Four terms per pass: a
     * quarter of the accumulator loads and stores of single terms, and few enough streams for C2 to
     * vectorise (measured on JDK 17: six or eight terms per pass are not vectorised).
     */
    static void four(int[] a, int from, int to, int[] r0, int[] r1, int[] r2, int[] r3,
                     int w0, int w1, int w2, int w3) {
        for (int i = from; i < to; i++) {
            a[i] += w0 * r0[i] + w1 * r1[i] + w2 * r2[i] + w3 * r3[i];
        }
    }

    /** a[i] += w0 r0[i] for i in [from, to). */
    static void one(int[] a, int from, int to, int[] r0, int w0) {
        for (int i = from; i < to; i++) {
            a[i] += w0 * r0[i];
        }
    }

    /** w[0..n) . x[from..from + n). */
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
