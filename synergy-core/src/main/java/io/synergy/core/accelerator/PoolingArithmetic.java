package io.synergy.core.accelerator;

import io.synergy.core.network.Layer;
import io.synergy.core.network.LayerGeometry;
import io.synergy.core.network.Pooling;
import io.synergy.core.tensor.Shape;

/**
 * Max or average pooling over windows that lie completely inside the input (no padding; rows and
 * columns left over at the end are dropped). The average is the window sum divided by the window
 * area, truncated toward zero: izer {@code compute.pool2d} takes an int64 mean (a true division cast
 * back to int64) and {@code compute.pool1d} takes ceil for negative and floor for positive means,
 * both without {@code --avg-pool-rounding}. One-dimensional data is a W = 1 plane with window (k, 1).
 */
final class PoolingArithmetic {

    private final boolean average;
    private final int windowH;
    private final int windowW;
    private final int strideH;
    private final int strideW;
    private final Shape input;
    private final Shape output;
    private int[][] buffer;
    /** One row per window row: the input row reduced across the window's width. */
    private int[][] across;

    PoolingArithmetic(Layer layer, LayerGeometry geometry) {
        this.average = layer.pooling() == Pooling.AVG;
        this.windowH = layer.pool().height();
        this.windowW = layer.pool().width();
        this.strideH = layer.poolStride().height();
        this.strideW = layer.poolStride().width();
        this.input = geometry.input();
        this.output = geometry.pooled();
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

    /**
     * Separable: each input row is reduced across the window's width into one row of {@code rows}
     * (one per window row), then the window's rows are combined at the same index, a loop C2
     * vectorises. Max and sum are both associative, so the order does not change the result.
     */
    private void pool(int[] x, int[] y) {
        if (input.width() == 1 && windowW == 1) {
            poolAlongLength(x, y);
            return;
        }
        int inW = input.width();
        int outH = output.height();
        int outW = output.width();
        across = Buffers.planes(across, windowH, outW);
        for (int oh = 0; oh < outH; oh++) {
            for (int a = 0; a < windowH; a++) {
                reduceRow(x, (oh * strideH + a) * inW, across[a], outW);
            }
            int base = oh * outW;
            int[] first = across[0];
            System.arraycopy(first, 0, y, base, outW);
            for (int a = 1; a < windowH; a++) {
                int[] r = across[a];
                if (average) {
                    for (int ow = 0; ow < outW; ow++) {
                        y[base + ow] += r[ow];
                    }
                } else {
                    for (int ow = 0; ow < outW; ow++) {
                        y[base + ow] = Math.max(y[base + ow], r[ow]);
                    }
                }
            }
            if (average) {
                int area = windowH * windowW;
                for (int ow = 0; ow < outW; ow++) {
                    y[base + ow] /= area; // Java's division truncates toward zero, as required
                }
            }
        }
    }

    /** One-dimensional data (C x L x 1): windows along the length only. */
    private void poolAlongLength(int[] x, int[] y) {
        int outL = output.height();
        for (int i = 0; i < outL; i++) {
            int at = i * strideH;
            int v = x[at];
            for (int a = 1; a < windowH; a++) {
                v = average ? v + x[at + a] : Math.max(v, x[at + a]);
            }
            y[i] = average ? v / windowH : v;
        }
    }

    private void reduceRow(int[] x, int start, int[] out, int outW) {
        for (int ow = 0; ow < outW; ow++) {
            int at = start + ow * strideW;
            int v = x[at];
            for (int b = 1; b < windowW; b++) {
                v = average ? v + x[at + b] : Math.max(v, x[at + b]);
            }
            out[ow] = v;
        }
    }
}
