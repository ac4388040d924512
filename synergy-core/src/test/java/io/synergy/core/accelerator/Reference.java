package io.synergy.core.accelerator;

import io.synergy.core.network.Activation;
import io.synergy.core.network.ElementwiseOp;
import io.synergy.core.network.Layer;
import io.synergy.core.network.LayerParameters;
import io.synergy.core.network.Model;
import io.synergy.core.network.Network;
import io.synergy.core.network.Operation;
import io.synergy.core.network.Pooling;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The layer arithmetic written directly from its definitions, slowly and obviously: the oracle the
 * emulator's fast kernels are tested against. Tensors are long[C][H][W]; 1-D data is C x L x 1.
 */
final class Reference {

    private Reference() {
    }

    /** One layer's result: its output values and (layers with weights) its accumulators. */
    record Result(long[][][] output, long[][][] accumulator) {
    }

    /** Runs layer k of the model on its sources (concatenated here in in_sequences order). */
    static Result layer(Model model, int k, List<long[][][]> sources) {
        Network network = model.network();
        Layer layer = network.layer(k);
        List<long[][]> channels = new ArrayList<>();
        for (long[][][] s : sources) {
            for (long[][] plane : s) {
                channels.add(plane);
            }
        }
        long[][][] x = channels.toArray(new long[0][][]);
        int n = layer.operands();
        long[][][] pooled;
        if (n == 1) {
            pooled = pool(layer, x);
        } else {
            int c = x.length / n;
            long[][][][] parts = new long[n][][][];
            for (int i = 0; i < n; i++) {
                parts[i] = java.util.Arrays.copyOfRange(x, i * c, (i + 1) * c);
            }
            boolean clip = !(layer.operation() == Operation.PASSTHROUGH && layer.isWide());
            if (layer.poolFirst()) {
                for (int i = 0; i < n; i++) {
                    parts[i] = pool(layer, parts[i]);
                }
                pooled = eltwise(layer.eltwise(), parts, clip);
            } else {
                pooled = pool(layer, eltwise(layer.eltwise(), parts, clip));
            }
        }
        LayerParameters p = model.parameters(k);
        long[][][] acc;
        switch (layer.operation()) {
            case PASSTHROUGH -> {
                return new Result(pooled, null);
            }
            case CONV2D, CONV1D -> acc = conv2d(pooled, p.weights(), p.bias(), layer);
            case CONV_TRANSPOSE2D -> acc = convTranspose2d(pooled, p.weights(), p.bias(), layer);
            case LINEAR -> acc = linear(pooled, p.weights(), p.bias(), layer.outputChannels());
            default -> throw new IllegalStateException();
        }
        long[][][] out = new long[acc.length][acc[0].length][acc[0][0].length];
        for (int o = 0; o < acc.length; o++) {
            for (int h = 0; h < acc[0].length; h++) {
                for (int w = 0; w < acc[0][0].length; w++) {
                    long y = layer.isWide() ? acc[o][h][w] : requantise(acc[o][h][w], layer.outputShift());
                    out[o][h][w] = activate(y, layer.activation());
                }
            }
        }
        return new Result(out, acc);
    }

    /**
     * out[o][y][x] = 128 b[o] + sum over c in o's group, kh, kw of
     * w[o][c'][kh][kw] * xpad[c][y s + kh d][x s + kw d].
     */
    static long[][][] conv2d(long[][][] x, byte[] w, byte[] bias, Layer layer) {
        int c = x.length;
        int h = x[0].length;
        int wd = x[0][0].length;
        int kh = layer.kernel().height();
        int kw = layer.kernel().width();
        int ph = layer.padding().height();
        int pw = layer.padding().width();
        int sh = layer.stride().height();
        int sw = layer.stride().width();
        int dh = layer.dilation().height();
        int dw = layer.dilation().width();
        int g = layer.convGroups();
        int o = layer.outputChannels();
        int oh = (h + 2 * ph - dh * (kh - 1) - 1) / sh + 1;
        int ow = (wd + 2 * pw - dw * (kw - 1) - 1) / sw + 1;
        int cg = c / g;
        long[][][] out = new long[o][oh][ow];
        for (int oc = 0; oc < o; oc++) {
            int group = oc / (o / g);
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++) {
                    long sum = bias == null ? 0 : 128L * bias[oc];
                    for (int j = 0; j < cg; j++) {
                        for (int a = 0; a < kh; a++) {
                            for (int b = 0; b < kw; b++) {
                                int iy = y * sh + a * dh - ph;
                                int ix = xx * sw + b * dw - pw;
                                if (iy < 0 || iy >= h || ix < 0 || ix >= wd) {
                                    continue;
                                }
                                sum += (long) w[((oc * cg + j) * kh + a) * kw + b] * x[group * cg + j][iy][ix];
                            }
                        }
                    }
                    out[oc][y][xx] = sum;
                }
            }
        }
        return out;
    }

    /**
     * PyTorch conv_transpose2d by its scatter definition: input pixel (iy, ix) of channel c adds
     * w[c][j][a][b] * x to output (iy s - p + a d, ix s - p + b d) of channel group * O/g + j.
     */
    static long[][][] convTranspose2d(long[][][] x, byte[] w, byte[] bias, Layer layer) {
        int c = x.length;
        int h = x[0].length;
        int wd = x[0][0].length;
        int kh = layer.kernel().height();
        int kw = layer.kernel().width();
        int ph = layer.padding().height();
        int pw = layer.padding().width();
        int sh = layer.stride().height();
        int sw = layer.stride().width();
        int dh = layer.dilation().height();
        int dw = layer.dilation().width();
        int g = layer.convGroups();
        int o = layer.outputChannels();
        int oh = (h - 1) * sh - 2 * ph + dh * (kh - 1) + layer.outputPadding().height() + 1;
        int ow = (wd - 1) * sw - 2 * pw + dw * (kw - 1) + layer.outputPadding().width() + 1;
        int og = o / g;
        long[][][] out = new long[o][oh][ow];
        for (int oc = 0; oc < o; oc++) {
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++) {
                    out[oc][y][xx] = bias == null ? 0 : 128L * bias[oc];
                }
            }
        }
        for (int ic = 0; ic < c; ic++) {
            int group = ic / (c / g);
            for (int iy = 0; iy < h; iy++) {
                for (int ix = 0; ix < wd; ix++) {
                    for (int j = 0; j < og; j++) {
                        for (int a = 0; a < kh; a++) {
                            for (int b = 0; b < kw; b++) {
                                int y = iy * sh - ph + a * dh;
                                int xx = ix * sw - pw + b * dw;
                                if (y < 0 || y >= oh || xx < 0 || xx >= ow) {
                                    continue;
                                }
                                long weight = w[((ic * og + j) * kh + a) * kw + b];
                                out[group * og + j][y][xx] += weight * x[ic][iy][ix];
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** out[o] = 128 b[o] + sum_n w[o][n] * flat(x)[n], flat in C order. */
    static long[][][] linear(long[][][] x, byte[] w, byte[] bias, int outputs) {
        List<Long> flat = new ArrayList<>();
        for (long[][] plane : x) {
            for (long[] row : plane) {
                for (long v : row) {
                    flat.add(v);
                }
            }
        }
        long[][][] out = new long[outputs][1][1];
        for (int o = 0; o < outputs; o++) {
            BigInteger sum = BigInteger.valueOf(bias == null ? 0 : 128L * bias[o]);
            for (int n = 0; n < flat.size(); n++) {
                sum = sum.add(BigInteger.valueOf(w[o * flat.size() + n]).multiply(BigInteger.valueOf(flat.get(n))));
            }
            out[o][0][0] = sum.longValueExact();
        }
        return out;
    }

    static long[][][] pool(Layer layer, long[][][] x) {
        if (layer.pooling() == Pooling.NONE) {
            return x;
        }
        int ph = layer.pool().height();
        int pw = layer.pool().width();
        int sh = layer.poolStride().height();
        int sw = layer.poolStride().width();
        int h = (x[0].length - ph) / sh + 1;
        int w = (x[0][0].length - pw) / sw + 1;
        long[][][] out = new long[x.length][h][w];
        for (int c = 0; c < x.length; c++) {
            for (int y = 0; y < h; y++) {
                for (int xx = 0; xx < w; xx++) {
                    long max = Long.MIN_VALUE;
                    long sum = 0;
                    for (int a = 0; a < ph; a++) {
                        for (int b = 0; b < pw; b++) {
                            long v = x[c][y * sh + a][xx * sw + b];
                            max = Math.max(max, v);
                            sum += v;
                        }
                    }
                    // average: the exact rational sum / area, truncated toward zero
                    out[c][y][xx] = layer.pooling() == Pooling.MAX ? max
                            : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf((long) ph * pw), 0, RoundingMode.DOWN)
                                    .longValueExact();
                }
            }
        }
        return out;
    }

    static long[][][] eltwise(ElementwiseOp op, long[][][][] parts, boolean clip) {
        long[][][] out = new long[parts[0].length][parts[0][0].length][parts[0][0][0].length];
        for (int c = 0; c < out.length; c++) {
            for (int y = 0; y < out[0].length; y++) {
                for (int x = 0; x < out[0][0].length; x++) {
                    long v = parts[0][c][y][x];
                    for (int i = 1; i < parts.length; i++) {
                        long u = parts[i][c][y][x];
                        v = switch (op) {
                            case ADD -> v + u;
                            case SUB -> v - u;
                            case XOR -> v ^ u;
                            case OR -> v | u;
                            default -> throw new IllegalStateException();
                        };
                    }
                    out[c][y][x] = clip ? Math.max(-128, Math.min(127, v)) : v;
                }
            }
        }
        return out;
    }

    /** clip(floor(acc * 2^s / 128 + 1/2), -128, 127), computed on exact rationals. */
    static long requantise(long acc, int shift) {
        BigDecimal two = BigDecimal.valueOf(2);
        // 2^s / 128 for any sign of s; dividing by a power of two always terminates, so it is exact
        BigDecimal factor = shift >= 0 ? two.pow(shift).divide(BigDecimal.valueOf(128))
                : BigDecimal.ONE.divide(two.pow(-shift).multiply(BigDecimal.valueOf(128)));
        BigDecimal rounded = new BigDecimal(acc).multiply(factor).add(new BigDecimal("0.5"))
                .setScale(0, RoundingMode.FLOOR);
        return rounded.max(BigDecimal.valueOf(-128)).min(BigDecimal.valueOf(127)).longValueExact();
    }

    static long activate(long y, Activation activation) {
        return switch (activation) {
            case RELU -> Math.max(0, Math.min(127, y));
            case ABS -> Math.min(Math.abs(y), 127);
            case NONE -> y;
        };
    }
}
