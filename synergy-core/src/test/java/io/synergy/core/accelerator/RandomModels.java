package io.synergy.core.accelerator;

import io.synergy.core.network.Activation;
import io.synergy.core.network.DataFormat;
import io.synergy.core.network.Layer;
import io.synergy.core.network.Model;
import io.synergy.core.network.Network;
import io.synergy.core.network.RandomParameters;
import io.synergy.core.tensor.Int8Tensor;
import io.synergy.core.tensor.Shape;
import io.synergy.core.tensor.Tensor;
import java.util.List;
import java.util.Random;

/** Seeded random parameters, inputs and layer settings for property tests. */
final class RandomModels {

    private RandomModels() {
    }

    static Model withRandomParameters(Network network, Random random) {
        return RandomParameters.of(network, random);
    }

    static Int8Tensor input(Shape shape, Random random) {
        byte[] values = new byte[shape.elements()];
        random.nextBytes(values);
        return Int8Tensor.wrap(shape, values);
    }

    static Network single(Shape input, Layer layer) {
        return new Network("single", input, DataFormat.CHW, List.of(layer));
    }

    /**
     * Random output settings: weight bits, bias, activation, width and a shift that maps typical
     * accumulators of this fan-in to mid-range outputs (so rounding and clipping both occur).
     */
    static Layer.Builder outputSettings(Layer.Builder builder, long fanIn, Random random) {
        int bits = new int[] {1, 2, 4, 8, 8, 8}[random.nextInt(6)];
        double typical = Math.sqrt(Math.max(1, fanIn)) * Math.max(1, (1 << (bits - 1)) / 1.7) * 74;
        int k = (int) Math.round(Math.log(typical / 40) / Math.log(2));
        int shift = 7 - Math.max(0, k) + random.nextInt(3) - 1;
        return builder.weightBits(bits)
                .bias(random.nextBoolean())
                .outputShift(shift)
                .outputWidth(random.nextInt(4) == 0 ? 32 : 8)
                .activation(Activation.values()[random.nextInt(Activation.values().length)]);
    }

    static long[][][] values(Tensor t) {
        Shape s = t.shape();
        long[][][] v = new long[s.channels()][s.height()][s.width()];
        for (int c = 0; c < s.channels(); c++) {
            for (int h = 0; h < s.height(); h++) {
                for (int w = 0; w < s.width(); w++) {
                    v[c][h][w] = t.at(c, h, w);
                }
            }
        }
        return v;
    }

    static long[] flat(long[][][] v) {
        int n = v.length * v[0].length * v[0][0].length;
        long[] out = new long[n];
        int i = 0;
        for (long[][] plane : v) {
            for (long[] row : plane) {
                for (long x : row) {
                    out[i++] = x;
                }
            }
        }
        return out;
    }

    static long[] flat(Tensor t) {
        long[] out = new long[t.shape().elements()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.at(i);
        }
        return out;
    }
}
