package io.synergy.core.accelerator;

import io.synergy.core.network.Layer;
import io.synergy.core.network.LayerGeometry;
import io.synergy.core.network.LayerParameters;
import io.synergy.core.network.Operation;
import java.util.Arrays;

/**
 * The multiply-accumulate of a conv1d, conv2d or convtranspose2d layer:
 * acc[o, pixel] = 128 * bias[o] + sum over the input channels c of o's group and the kernel taps of
 * w[o, c, tap] * source[c, pixel moved by tap]. A conv1d is a conv2d on C x L x 1 planes with a k x 1
 * kernel.
 *
 * <p>The source planes are the pooled input with zero padding around it. A transposed convolution is
 * the same sum over the input spread out by the stride (zeros between pixels), padded with
 * dilation * (k - 1) - padding zeros before and that plus output_padding after, with each kernel
 * flipped and its input and output axes swapped: exactly PyTorch's {@code conv_transpose2d} on the
 * checkpoint's I x O/g x kH x kW weights (izer {@code compute.convtranspose2d} does the same
 * construction; izer {@code checkpoint.py} flips and swaps the weights).
 *
 * <p>Loop organisation, for speed (see {@link Strategy}; the choice never changes a result):
 * <ul>
 *   <li>PLANES: one contiguous "row" per (input channel, tap) holds the source values each output
 *       pixel meets at that tap, so the inner loop {@code acc[i] += w * row[i]} runs over output
 *       pixels at one index, which C2 vectorises (arrays read at different offsets of one index
 *       would not be, since C2 cannot rule out that they alias);</li>
 *   <li>CHANNELS: per output pixel, {@code acc[o] += x * w[term][o]} over the pixel's non-zero
 *       inputs, vectorised over output channels: for small planes with many channels;</li>
 *   <li>PATCHES: per output pixel and channel, a dot product of the pixel's inputs with the weights:
 *       for tiny layers.</li>
 * </ul>
 * Accumulators are ints while every partial sum provably stays within {@link #INT_LIMIT} (the
 * bound uses the largest weight magnitude), longs otherwise.
 */
final class ConvolutionArithmetic {

    /** Largest |accumulator| for int accumulation; leaves headroom for the rounding half in requantisation. */
    static final long INT_LIMIT = 1L << 30;
    /** Fewer output pixels per channel than this make the plane loops too short to pay off. */
    static final int MIN_PLANE_PIXELS = 64;
    /** Cost of one inner-loop call apart from its length, in vector steps (measured order of magnitude). */
    static final double CALL_STEPS = 4;
    /** Share of non-zero values assumed in a ReLU output (and its padding) when choosing the loops. */
    static final double RECTIFIED_NONZERO_SHARE = 0.6;
    /** The accumulators of one pixel tile should stay in a core's L2 cache (1 MiB on the benchmark host's Zen 5). */
    static final int ACCUMULATOR_TILE_BYTES = 512 * 1024;

    private final int inChannels;
    private final int outChannels;
    private final int groupIn;
    private final int groupOut;
    private final int kernelW;
    private final int taps;
    private final int inH;
    private final int inW;
    // Source plane (padded or spread input): size, where input pixel (0, 0) lands, input pixel spacing.
    private final int srcH;
    private final int srcW;
    private final int offsetH;
    private final int offsetW;
    private final int spacingH;
    private final int spacingW;
    private final int strideH;
    private final int strideW;
    private final int dilationH;
    private final int dilationW;
    private final int outH;
    private final int outW;
    private final int pixels;
    private final boolean sourceIsInput;
    private final boolean rowsAreSource;
    private final boolean longAccumulation;
    /** [o][j * taps + tap]: the weights of output channel o over its group's input channels j. */
    private final int[][] dense;
    /** 128 * bias per output channel. */
    private final int[] bias;

    /** [c * taps + tap][o]: the weights transposed, for the per-pixel channel loops (groups = 1 only). */
    private final int[][] weightsByTerm;
    /** Source-plane offset of each tap from the window's origin. */
    private final int[] tapOffset;
    private final Strategy strategy;
    /** Pixels per tile of the plane loops. */
    private final int tile;

    private int[][] source;
    private int[][] rowBuffer;
    private int[][] patches;
    private int[][] accPlanes;
    private int[] acc;
    private long[] accLong;
    private int[] termIndex;
    private int[] termValue;
    private int[] channel;

    /** How the multiply-accumulate loops are organised; see the class comment. */
    enum Strategy {
        /** Inner loops over output pixels (large planes). */
        PLANES,
        /** Inner loops over output channels (small planes, many channels). */
        CHANNELS,
        /** Dot products per output pixel and channel (small planes, few channels). */
        PATCHES,
        /** PLANES with long accumulators. */
        PLANES_LONG,
        /** PATCHES with long accumulators. */
        PATCHES_LONG
    }

    /**
     * @param rectifiedInput whether the input is a ReLU output (about half zeros), which makes the
     *                       per-pixel loops that skip zero inputs cheaper; the choice of loops only
     */
    ConvolutionArithmetic(Layer layer, LayerGeometry geometry, LayerParameters parameters, boolean rectifiedInput) {
        boolean transposed = layer.operation() == Operation.CONV_TRANSPOSE2D;
        inChannels = geometry.pooled().channels();
        outChannels = layer.outputChannels();
        int groups = layer.convGroups();
        groupIn = inChannels / groups;
        groupOut = outChannels / groups;
        int kernelH = layer.kernel().height();
        kernelW = layer.kernel().width();
        taps = kernelH * kernelW;
        inH = geometry.pooled().height();
        inW = geometry.pooled().width();
        outH = geometry.output().height();
        outW = geometry.output().width();
        pixels = outH * outW;
        dilationH = layer.dilation().height();
        dilationW = layer.dilation().width();
        if (transposed) {
            spacingH = layer.stride().height();
            spacingW = layer.stride().width();
            offsetH = dilationH * (kernelH - 1) - layer.padding().height();
            offsetW = dilationW * (kernelW - 1) - layer.padding().width();
            srcH = outH + dilationH * (kernelH - 1);
            srcW = outW + dilationW * (kernelW - 1);
            strideH = 1;
            strideW = 1;
        } else {
            spacingH = 1;
            spacingW = 1;
            offsetH = layer.padding().height();
            offsetW = layer.padding().width();
            srcH = inH + 2 * offsetH;
            srcW = inW + 2 * offsetW;
            strideH = layer.stride().height();
            strideW = layer.stride().width();
        }
        if ((srcH - dilationH * (kernelH - 1) - 1) / strideH + 1 != outH
                || (srcW - dilationW * (kernelW - 1) - 1) / strideW + 1 != outW) {
            throw new IllegalStateException("layer " + layer.index() + ": source " + srcH + "x" + srcW
                    + " does not yield output " + geometry.output());
        }
        sourceIsInput = !transposed && offsetH == 0 && offsetW == 0;
        rowsAreSource = sourceIsInput && taps == 1 && strideH == 1 && strideW == 1;

        int fanIn = groupIn * taps;
        dense = new int[outChannels][fanIn];
        byte[] w = parameters.weights();
        int maxAbs = 0;
        if (transposed) {
            for (int c = 0; c < inChannels; c++) {
                int g = c / groupIn;
                int j = c % groupIn;
                for (int ol = 0; ol < groupOut; ol++) {
                    for (int kh = 0; kh < kernelH; kh++) {
                        for (int kw = 0; kw < kernelW; kw++) {
                            int v = w[((c * groupOut + ol) * kernelH + kh) * kernelW + kw];
                            int flipped = (kernelH - 1 - kh) * kernelW + (kernelW - 1 - kw);
                            dense[g * groupOut + ol][j * taps + flipped] = v;
                            maxAbs = Math.max(maxAbs, Math.abs(v));
                        }
                    }
                }
            }
        } else {
            for (int o = 0; o < outChannels; o++) {
                for (int f = 0; f < fanIn; f++) {
                    dense[o][f] = w[o * fanIn + f];
                    maxAbs = Math.max(maxAbs, Math.abs(dense[o][f]));
                }
            }
        }
        bias = new int[outChannels];
        if (parameters.hasBias()) {
            for (int o = 0; o < outChannels; o++) {
                bias[o] = 128 * parameters.bias()[o];
            }
        }
        longAccumulation = (long) fanIn * maxAbs * 128 + 128L * 128 > INT_LIMIT;
        tapOffset = new int[taps];
        for (int tap = 0; tap < taps; tap++) {
            tapOffset[tap] = (tap / kernelW) * dilationH * srcW + (tap % kernelW) * dilationW;
        }
        strategy = choose(groups, rectifiedInput ? RECTIFIED_NONZERO_SHARE : 1.0);
        if (strategy == Strategy.CHANNELS) {
            // padded with zero weights to whole blocks, like the planes
            weightsByTerm = new int[inChannels * taps][Buffers.blocks(outChannels)];
            for (int o = 0; o < outChannels; o++) {
                for (int f = 0; f < fanIn; f++) {
                    weightsByTerm[f][o] = dense[o][f];
                }
            }
        } else {
            weightsByTerm = null;
        }
        tile = Math.max(Buffers.BLOCK, ACCUMULATOR_TILE_BYTES / 4 / outChannels / Buffers.BLOCK * Buffers.BLOCK);
    }

    Strategy strategy() {
        return strategy;
    }

    /**
     * The organisation with the least estimated work, counted in 16-lane vector steps: every inner-
     * loop call costs {@link #CALL_STEPS} besides its length; the channel loops also gather each
     * pixel's inputs and skip the zeros among them (common in ReLU outputs); the dot products reduce
     * less efficiently. Only groups = 1 layers can run per
     * pixel over all output channels.
     */
    private Strategy choose(int groups, double nonzeroShare) {
        if (longAccumulation) {
            return pixels >= MIN_PLANE_PIXELS ? Strategy.PLANES_LONG : Strategy.PATCHES_LONG;
        }
        double terms = (double) inChannels * taps;
        double planes = outChannels * Math.ceil(terms / 4) * (CALL_STEPS + Buffers.blocks(pixels) / 16.0);
        double channels = groups != 1 ? Double.MAX_VALUE
                : pixels * (terms / 4 + Math.ceil(nonzeroShare * terms / 4)
                        * (CALL_STEPS + Buffers.blocks(outChannels) / 16.0));
        double patches = pixels * terms / 4 + (double) outChannels * pixels * (CALL_STEPS + terms / 8);
        if (planes <= channels && planes <= patches) {
            return Strategy.PLANES;
        }
        return channels <= patches ? Strategy.CHANNELS : Strategy.PATCHES;
    }

    /** Accumulates every output channel of {@code input} (the pooled input) into {@code sink}. */
    void compute(Planes input, ChannelSink sink) {
        int[][] src = prepareSource(input);
        switch (strategy) {
            case PLANES -> accumulatePlanes(rowsAreSource ? src : buildRows(src), sink);
            case CHANNELS -> accumulateChannels(src, sink);
            case PLANES_LONG -> accumulateLong(rowsAreSource ? src : buildRows(src), sink);
            default -> dotPatches(buildPatches(src), sink);
        }
    }

    private int[][] prepareSource(Planes input) {
        if (sourceIsInput) {
            return input.data();
        }
        int size = srcH * srcW;
        source = Buffers.planes(source, inChannels, size);
        for (int c = 0; c < inChannels; c++) {
            int[] s = source[c];
            int[] x = input.data()[c];
            Arrays.fill(s, 0, size, 0);
            boolean wholeRows = spacingW == 1 && offsetW >= 0 && offsetW + inW <= srcW;
            for (int iy = 0; iy < inH; iy++) {
                int a = offsetH + iy * spacingH;
                if (a < 0 || a >= srcH) {
                    continue;
                }
                if (wholeRows) {
                    System.arraycopy(x, iy * inW, s, a * srcW + offsetW, inW);
                    continue;
                }
                for (int ix = 0; ix < inW; ix++) {
                    int b = offsetW + ix * spacingW;
                    if (b >= 0 && b < srcW) {
                        s[a * srcW + b] = x[iy * inW + ix];
                    }
                }
            }
        }
        return source;
    }

    /** Row c * taps + tap: the source values of channel c that the output pixels meet at that tap. */
    private int[][] buildRows(int[][] src) {
        rowBuffer = Buffers.planes(rowBuffer, inChannels * taps, pixels);
        boolean contiguous = strideH == 1 && strideW == 1 && outW == srcW;
        for (int c = 0; c < inChannels; c++) {
            int[] s = src[c];
            for (int tap = 0; tap < taps; tap++) {
                int[] r = rowBuffer[c * taps + tap];
                int base = tapOffset[tap];
                if (contiguous) {
                    System.arraycopy(s, base, r, 0, pixels);
                } else if (strideW == 1) {
                    for (int oh = 0; oh < outH; oh++) {
                        System.arraycopy(s, base + oh * strideH * srcW, r, oh * outW, outW);
                    }
                } else {
                    for (int oh = 0; oh < outH; oh++) {
                        int from = base + oh * strideH * srcW;
                        for (int ow = 0; ow < outW; ow++) {
                            r[oh * outW + ow] = s[from + ow * strideW];
                        }
                    }
                }
            }
        }
        return rowBuffer;
    }

    /**
     * Output planes by (input channel, tap) rows. Per pixel tile, four rows at a time are applied
     * to every output channel of their group, so the four rows stay in the L1 cache while the
     * accumulator tiles of all channels (sized to stay in L2) stream past them. Quads whose four
     * weights are all zero are skipped.
     */
    private void accumulatePlanes(int[][] rows, ChannelSink sink) {
        int n = pixels;
        int end = Buffers.blocks(n);
        accPlanes = Buffers.planes(accPlanes, outChannels, n);
        int[][] acc = accPlanes;
        for (int o = 0; o < outChannels; o++) {
            Arrays.fill(acc[o], 0, n, bias[o]);
        }
        int groupTerms = groupIn * taps;
        int groups = inChannels / groupIn;
        // whole blocks, into the planes' padding: rows and accumulators all have room for them
        for (int from = 0; from < end; from += tile) {
            int to = Math.min(end, from + tile);
            for (int g = 0; g < groups; g++) {
                int firstRow = g * groupTerms;
                int firstOut = g * groupOut;
                int f = 0;
                for (; f + 4 <= groupTerms; f += 4) {
                    int[] r0 = rows[firstRow + f];
                    int[] r1 = rows[firstRow + f + 1];
                    int[] r2 = rows[firstRow + f + 2];
                    int[] r3 = rows[firstRow + f + 3];
                    for (int o = firstOut; o < firstOut + groupOut; o++) {
                        int[] w = dense[o];
                        int w0 = w[f];
                        int w1 = w[f + 1];
                        int w2 = w[f + 2];
                        int w3 = w[f + 3];
                        if ((w0 | w1 | w2 | w3) != 0) {
                            MultiplyAccumulate.four(acc[o], from, to, r0, r1, r2, r3, w0, w1, w2, w3);
                        }
                    }
                }
                for (; f < groupTerms; f++) {
                    int[] r = rows[firstRow + f];
                    for (int o = firstOut; o < firstOut + groupOut; o++) {
                        if (dense[o][f] != 0) {
                            MultiplyAccumulate.one(acc[o], from, to, r, dense[o][f]);
                        }
                    }
                }
            }
        }
        for (int o = 0; o < outChannels; o++) {
            sink.accept(o, acc[o], n);
        }
    }

    /**
     * Per output pixel, all output channels at once: acc[pixel][o] += x * w[term][o] over the pixel's
     * non-zero inputs x (zero padding and ReLU zeros cost nothing). For small planes with many output
     * channels, where plane loops would be short. Groups = 1 only.
     */
    private void accumulateChannels(int[][] src, ChannelSink sink) {
        int terms = inChannels * taps;
        int lanes = Buffers.blocks(outChannels);
        accPlanes = Buffers.planes(accPlanes, pixels, outChannels);
        termIndex = Buffers.ints(termIndex, terms + 3);
        termValue = Buffers.ints(termValue, terms + 3);
        int[][] acc = accPlanes;
        int[] ti = termIndex;
        int[] tv = termValue;
        for (int oh = 0; oh < outH; oh++) {
            for (int ow = 0; ow < outW; ow++) {
                int origin = oh * strideH * srcW + ow * strideW;
                int count = 0;
                for (int c = 0; c < inChannels; c++) {
                    int[] s = src[c];
                    for (int tap = 0; tap < taps; tap++) {
                        // branch-free: about half the inputs are zero (ReLU, padding), at random
                        int v = s[origin + tapOffset[tap]];
                        ti[count] = c * taps + tap;
                        tv[count] = v;
                        count += (v | -v) >>> 31;
                    }
                }
                // round up to whole quads with terms of value 0: one more pass instead of up to three
                while ((count & 3) != 0) {
                    ti[count] = 0;
                    tv[count++] = 0;
                }
                int[] a = acc[oh * outW + ow];
                System.arraycopy(bias, 0, a, 0, outChannels);
                for (int t = 0; t < count; t += 4) {
                    MultiplyAccumulate.four(a, 0, lanes, weightsByTerm[ti[t]], weightsByTerm[ti[t + 1]],
                            weightsByTerm[ti[t + 2]], weightsByTerm[ti[t + 3]], tv[t], tv[t + 1], tv[t + 2], tv[t + 3]);
                }
            }
        }
        channel = Buffers.ints(channel, pixels);
        for (int o = 0; o < outChannels; o++) {
            for (int i = 0; i < pixels; i++) {
                channel[i] = acc[i][o];
            }
            sink.accept(o, channel, pixels);
        }
    }

    private void accumulateLong(int[][] rows, ChannelSink sink) {
        int n = pixels;
        accLong = Buffers.longs(accLong, n);
        long[] a = accLong;
        for (int o = 0; o < outChannels; o++) {
            Arrays.fill(a, 0, n, bias[o]);
            int firstRow = (o / groupOut) * groupIn * taps;
            int[] w = dense[o];
            for (int f = 0; f < w.length; f++) {
                if (w[f] == 0) {
                    continue;
                }
                int[] r = rows[firstRow + f];
                long wf = w[f];
                for (int i = 0; i < n; i++) {
                    a[i] += wf * r[i];
                }
            }
            sink.accept(o, a, n);
        }
    }

    /** Patch i: the source values output pixel i meets, indexed c * taps + tap. */
    private int[][] buildPatches(int[][] src) {
        patches = Buffers.planes(patches, pixels, inChannels * taps);
        for (int oh = 0; oh < outH; oh++) {
            for (int ow = 0; ow < outW; ow++) {
                int[] p = patches[oh * outW + ow];
                int origin = oh * strideH * srcW + ow * strideW;
                for (int c = 0; c < inChannels; c++) {
                    int[] s = src[c];
                    for (int tap = 0; tap < taps; tap++) {
                        p[c * taps + tap] = s[origin + tapOffset[tap]];
                    }
                }
            }
        }
        return patches;
    }

    private void dotPatches(int[][] patch, ChannelSink sink) {
        int fanIn = groupIn * taps;
        if (strategy == Strategy.PATCHES_LONG) {
            accLong = Buffers.longs(accLong, pixels);
            for (int o = 0; o < outChannels; o++) {
                int first = (o / groupOut) * fanIn;
                for (int i = 0; i < pixels; i++) {
                    accLong[i] = bias[o] + MultiplyAccumulate.longDot(dense[o], patch[i], first, fanIn);
                }
                sink.accept(o, accLong, pixels);
            }
            return;
        }
        acc = Buffers.ints(acc, pixels);
        for (int o = 0; o < outChannels; o++) {
            int first = (o / groupOut) * fanIn;
            for (int i = 0; i < pixels; i++) {
                acc[i] = bias[o] + MultiplyAccumulate.intDot(dense[o], patch[i], first, fanIn);
            }
            sink.accept(o, acc, pixels);
        }
    }
}
