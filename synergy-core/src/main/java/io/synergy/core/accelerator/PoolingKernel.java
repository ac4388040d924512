package io.synergy.core.accelerator;

import io.synergy.core.network.Pooling;
import io.synergy.core.tensor.Shape;

/**
 * Max or average pooling over windows that lie completely inside the input (no padding; rows and
 * columns left over at the end are dropped). The average is the window sum divided by the window
 * area, truncated toward zero: izer {@code compute.pool2d} takes an int64 mean (a true division cast
 * back to int64) and {@code compute.pool1d} takes ceil for negative and floor for positive means,
 * both without {@code --avg-pool-rounding}. One-dimensional data is a W = 1 plane with window (k, 1).
 */
final class PoolingKernel {

    private final boolean average;
    private final int windowH;
    private final int windowW;
    private final int strideH;
    private final int strideW;
    private final Shape input;
    private final Shape output;
    private int[][] buffer;

    PoolingKernel(Pooling type, int windowH, int windowW, int strideH, int strideW, Shape input, Shape output) {
        this.average = type == Pooling.AVG;
        this.windowH = windowH;
        this.windowW = windowW;
        this.strideH = strideH;
        this.strideW = strideW;
        this.input = input;
        this.output = output;
    }

    /** Pools {@code in} (shape {@code input}) into this kernel's buffer, whose planes start at {@code channel0}. */
    Planes apply(Planes in, int channel0, int channelsTotal) {
        buffer = Buffers.planes(buffer, channelsTotal, output.pixels());
        int[][] out = new int[in.shape().channels()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = buffer[channel0 + c];
            pool(in.data()[c], out[c]);
        }
        return new Planes(output.withChannels(out.length), out);
    }

    private void pool(int[] x, int[] y) {
        int inW = input.width();
        int outH = output.height();
        int outW = output.width();
        int area = windowH * windowW;
        for (int oh = 0; oh < outH; oh++) {
            for (int ow = 0; ow < outW; ow++) {
                int top = oh * strideH * inW + ow * strideW;
                int v;
                if (average) {
                    int sum = 0;
                    for (int a = 0; a < windowH; a++) {
                        for (int b = 0; b < windowW; b++) {
                            sum += x[top + a * inW + b];
                        }
                    }
                    v = sum / area;
                } else {
                    v = Integer.MIN_VALUE;
                    for (int a = 0; a < windowH; a++) {
                        for (int b = 0; b < windowW; b++) {
                            v = Math.max(v, x[top + a * inW + b]);
                        }
                    }
                }
                y[oh * outW + ow] = v;
            }
        }
    }
}
