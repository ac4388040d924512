package io.synergy.core.accelerator;

import io.synergy.core.network.Activation;

/**
 * Turns accumulators into a layer's output values. 8-bit output:
 * y = clip(floor(acc * 2^s / 128 + 1/2), -128, 127), i.e. with k = 7 - s an arithmetic shift right by
 * k that rounds half up (izer {@code simulate.conv2d_layer}: {@code np.floor(0.5 + acc / (128 / 2**s))},
 * exact in double for every |acc| < 2^52). 32-bit output: y = acc, neither shifted nor clipped. Then the
 * activation: ReLU clips to [0, 127] and Abs takes min(|y|, 127) for either width, as the izer does
 * (it clips to 2^(bits-1) - 1 with bits = 8 also for 32-bit output).
 */
final class Requantiser {

    private final int k;
    private final boolean wide;
    private final Activation activation;

    /** @param shift the effective output shift s (checkpoint shift + 8 - weight bits) */
    Requantiser(int shift, boolean wide, Activation activation) {
        this.k = 7 - shift;
        this.wide = wide;
        this.activation = activation;
    }

    /** The output value of one accumulator. */
    int apply(long acc) {
        long y = wide ? acc : clip(scale(acc));
        switch (activation) {
            case RELU -> y = Math.max(0, Math.min(127, y));
            case ABS -> y = Math.min(Math.abs(y), 127);
            default -> {
                if (wide && (y < Integer.MIN_VALUE || y > Integer.MAX_VALUE)) {
                    throw new ArithmeticException("32-bit output: accumulator " + y + " does not fit 32 bits");
                }
            }
        }
        return (int) y;
    }

    /** floor(acc * 2^(-k) + 1/2), without overflow for any long accumulator the emulator forms. */
    long scale(long acc) {
        if (k > 0) {
            // beyond 61 every accumulator the emulator can form (|acc| < 2^60) rounds to 0
            return k > 61 ? 0 : (acc + (1L << (k - 1))) >> k;
        }
        if (k == 0) {
            return acc;
        }
        // An upward shift: any |acc| >= 256 saturates anyway, so clip first and keep the shift small.
        return clip(acc) << -k;
    }

    private static long clip(long v) {
        return Math.max(-128, Math.min(127, v));
    }

    /** Converts {@code length} int accumulators into output values. */
    void apply(int[] acc, int[] out, int length) {
        if (!wide && k > 0 && k < 31) {
            // The common case as a tight loop over ints: acc + half fits an int because the emulator
            // accumulates in ints only while |acc| <= 2^30 (ConvolutionArithmetic.INT_LIMIT) and half <= 2^29.
            int half = 1 << (k - 1);
            int lo = activation == Activation.NONE ? -128 : 0;
            if (activation == Activation.ABS) {
                for (int i = 0; i < length; i++) {
                    out[i] = Math.min(Math.abs(Math.max(-128, Math.min(127, (acc[i] + half) >> k))), 127);
                }
            } else {
                for (int i = 0; i < length; i++) {
                    out[i] = Math.max(lo, Math.min(127, (acc[i] + half) >> k));
                }
            }
            return;
        }
        for (int i = 0; i < length; i++) {
            out[i] = apply(acc[i]);
        }
    }

    void apply(long[] acc, int[] out, int length) {
        for (int i = 0; i < length; i++) {
            out[i] = apply(acc[i]);
        }
    }
}
