package io.synergy.core.accelerator;

import io.synergy.core.network.Layer;
import io.synergy.core.network.LayerGeometry;
import io.synergy.core.network.LayerParameters;

/**
 * A fully connected layer: acc[o] = 128 * bias[o] + sum_n w[o, n] * x[n], the O x N weights in the
 * checkpoint's row-major layout. With {@code flatten} x is the C x H x W input in C order
 * (n = c * H * W + h * W + w, izer {@code backend/max7800x.py} reshapes to (C * H * W, 1, 1)); without,
 * the C x 1 x 1 input.
 */
final class LinearArithmetic {

    private final int outChannels;
    private final int fanIn;
    private final int[][] weights;
    private final int[] bias;
    private final boolean longAccumulation;
    private int[] x;
    private final int[] acc = new int[1];
    private final long[] accLong = new long[1];

    LinearArithmetic(Layer layer, LayerGeometry geometry, LayerParameters parameters) {
        outChannels = layer.outputChannels();
        fanIn = (int) (geometry.weightCount() / outChannels);
        weights = new int[outChannels][fanIn];
        byte[] w = parameters.weights();
        int maxAbs = 0;
        for (int o = 0; o < outChannels; o++) {
            for (int n = 0; n < fanIn; n++) {
                weights[o][n] = w[o * fanIn + n];
                maxAbs = Math.max(maxAbs, Math.abs(weights[o][n]));
            }
        }
        bias = new int[outChannels];
        if (parameters.hasBias()) {
            for (int o = 0; o < outChannels; o++) {
                bias[o] = 128 * parameters.bias()[o];
            }
        }
        longAccumulation = (long) fanIn * maxAbs * 128 + 128L * 128 > ConvolutionArithmetic.INT_LIMIT;
    }

    void compute(Planes input, ChannelSink sink) {
        x = Buffers.ints(x, fanIn);
        int pixels = input.pixels();
        for (int c = 0; c < input.shape().channels(); c++) {
            System.arraycopy(input.data()[c], 0, x, c * pixels, pixels);
        }
        for (int o = 0; o < outChannels; o++) {
            if (longAccumulation) {
                accLong[0] = bias[o] + MultiplyAccumulate.longDot(weights[o], x, 0, fanIn);
                sink.accept(o, accLong, 1);
            } else {
                acc[0] = bias[o] + MultiplyAccumulate.intDot(weights[o], x, 0, fanIn);
                sink.accept(o, acc, 1);
            }
        }
    }
}
