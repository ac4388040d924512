package io.synergy.core.accelerator;

import io.synergy.core.network.ElementwiseOp;

/**
 * Element-wise combination of n operands, left to right without intermediate clipping
 * (op0 - op1 - op2 ... for SUB), then clipped to int8 (izer {@code compute.eltwise} and
 * {@code simulate.eltwise_layer}). The izer leaves the sum unclipped only when a pass-through layer has
 * 32-bit output ({@code run_eltwise} in {@code backend/max7800x.py} keeps the layer's output width
 * when there is no convolution).
 */
final class ElementwiseArithmetic {

    private final ElementwiseOp op;
    private final boolean clip;
    private int[][] buffer;

    ElementwiseArithmetic(ElementwiseOp op, boolean clip) {
        this.op = op;
        this.clip = clip;
    }

    /** Combines {@code operands} (equal shapes) into a tensor of one operand's shape. */
    Planes apply(Planes[] operands) {
        Planes first = operands[0];
        int channels = first.shape().channels();
        int n = first.pixels();
        buffer = Buffers.planes(buffer, channels, n);
        int[][] out = new int[channels][];
        for (int c = 0; c < channels; c++) {
            int[] y = buffer[c];
            System.arraycopy(first.data()[c], 0, y, 0, n);
            for (int k = 1; k < operands.length; k++) {
                combine(y, operands[k].data()[c], n);
            }
            if (clip) {
                for (int i = 0; i < n; i++) {
                    y[i] = Math.max(-128, Math.min(127, y[i]));
                }
            }
            out[c] = y;
        }
        return new Planes(first.shape(), out);
    }

    private void combine(int[] y, int[] x, int n) {
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    y[i] += x[i];
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    y[i] -= x[i];
                }
            }
            case XOR -> {
                for (int i = 0; i < n; i++) {
                    y[i] ^= x[i];
                }
            }
            case OR -> {
                for (int i = 0; i < n; i++) {
                    y[i] |= x[i];
                }
            }
            default -> throw new IllegalStateException("no element-wise operation " + op);
        }
    }
}
