package io.synergy.core.zoo;

import io.synergy.core.accelerator.Emulator;
import io.synergy.core.network.Activations;
import io.synergy.core.network.Layer;
import io.synergy.core.network.LayerParameters;
import io.synergy.core.network.Model;
import io.synergy.core.network.Network;
import io.synergy.core.network.Operation;
import io.synergy.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Gives a zoo architecture its parameters: generated weights ({@link GeneratedWeights}), then, layer by
 * layer on one seeded calibration input (uniform int8, {@link Zoo#randomInput}), a bias and an output
 * shift measured with the emulator. For layer i, with the layers before it already final:
 *
 * <ol>
 *   <li>The emulator computes the layer's accumulators with a zero bias, and its pooled input (a
 *       passthrough probe with the layer's input selection, element-wise operation and pooling).</li>
 *   <li>Bias (layers that have one): {@code b[c] = clamp_int8(round((-S[c] * m + u[c] * sd) / 128))},
 *       with S[c] the sum of output channel c's weights (divided by the stride area for a transposed
 *       convolution, whose outputs see that share of the taps), m the mean of the pooled input, sd the
 *       standard deviation of the zero-bias accumulators and u[c] seeded uniform in [-1/2, 1/2). The
 *       inputs of most layers are ReLU outputs (all >= 0), so channel c's accumulators sit around
 *       S[c] * m, far from 0 for some channels and ReLU would keep such a channel always on or always
 *       off; the bias moves each channel's operating point near 0, as the BatchNorm folded into a
 *       trained network's bias does, and u spreads the channels' operating points.</li>
 *   <li>Output shift s (8-bit outputs; the toolchain applies none to 32-bit outputs, where s = 0): the
 *       largest s in [-15, 15] (the izer's range, {@code izer/backend/max7800x.py}) for which at most
 *       {@value #CLIPPED_FRACTION} of the biased accumulators leave the range {@code |acc * 2^s / 128|
 *       <= 127 / h}. h is 1, or n when the output is an operand of an n-operand element-wise layer
 *       (directly or through passthrough copies), so that the sum of n operands stays in int8 too.</li>
 *   <li>The emulator runs the final layer; its output is the next layers' input.</li>
 * </ol>
 *
 * The cost is about two emulated inferences of the model.
 */
final class ShiftCalibration {

    /** Fraction of a layer's calibration accumulators allowed outside its int8 range. */
    static final double CLIPPED_FRACTION = 0.001;
    static final int MIN_SHIFT = -15;
    static final int MAX_SHIFT = 15;

    private final Network architecture;
    private final List<byte[]> weights;
    private final int[] headroom;
    private final SplittableRandom random;
    private final List<Layer> layers = new ArrayList<>();
    private final List<LayerParameters> parameters = new ArrayList<>();
    /** Outputs of the final layers so far, by tensor id (-1 = the calibration input). */
    private final Map<Integer, Tensor> outputs = new HashMap<>();

    private ShiftCalibration(Network architecture) {
        this.architecture = architecture;
        SplittableRandom seeded = new SplittableRandom(GeneratedWeights.seedOf(architecture.name()));
        this.weights = GeneratedWeights.generate(architecture, seeded);
        this.random = seeded.split();
        this.headroom = headroom(architecture);
        outputs.put(Layer.NETWORK_INPUT, Zoo.randomInput(architecture.inputShape(), seeded.nextLong()));
    }

    /** The architecture with calibrated shifts, and its generated weights and calibrated biases. */
    static Model calibrate(Network architecture) {
        ShiftCalibration calibration = new ShiftCalibration(architecture);
        for (Layer layer : architecture.layers()) {
            calibration.calibrate(layer);
        }
        return new Model(calibration.prefix(architecture.size(), null), calibration.parameters);
    }

    private void calibrate(Layer layer) {
        int index = layer.index();
        if (!layer.hasWeights()) {
            append(layer, null);
            return;
        }
        byte[] w = weights.get(index);
        int channels = layer.outputChannels();
        long[] unbiased = accumulators(layer, new LayerParameters(w, layer.bias() ? new byte[channels] : null));
        byte[] bias = layer.bias() ? centringBias(layer, w, unbiased) : null;
        int shift = layer.isWide() ? 0 : shift(unbiased, bias, channels, headroom[index]);
        append(layer.toBuilder().outputShift(shift).build(), new LayerParameters(w, bias));
    }

    private byte[] centringBias(Layer layer, byte[] w, long[] unbiased) {
        Tensor pooled = output(pooledInputProbe(layer), null);
        double inputMean = mean(pooled);
        double spread = standardDeviation(unbiased);
        double[] weightSums = weightSums(layer, w);
        byte[] bias = new byte[layer.outputChannels()];
        for (int c = 0; c < bias.length; c++) {
            double jitter = (random.nextDouble() - 0.5) * spread;
            long value = Math.round((-weightSums[c] * inputMean + jitter) / 128.0);
            bias[c] = (byte) Math.max(Byte.MIN_VALUE, Math.min(Byte.MAX_VALUE, value));
        }
        return bias;
    }

    /** Per output channel, the sum of its weights as one output element sees them on average. */
    private double[] weightSums(Layer layer, byte[] w) {
        int outputs = layer.outputChannels();
        double[] sums = new double[outputs];
        if (layer.operation() == Operation.CONV_TRANSPOSE2D) {
            // Layout I x O x kH x kW; with stride s each output sees 1/(sH*sW) of the taps on average.
            int taps = layer.kernel().area();
            int inputs = w.length / (outputs * taps);
            for (int i = 0; i < inputs; i++) {
                for (int c = 0; c < outputs; c++) {
                    int base = (i * outputs + c) * taps;
                    for (int t = 0; t < taps; t++) {
                        sums[c] += w[base + t];
                    }
                }
            }
            for (int c = 0; c < outputs; c++) {
                sums[c] /= layer.stride().area();
            }
            return sums;
        }
        int perOutput = w.length / outputs;
        for (int c = 0; c < outputs; c++) {
            for (int k = c * perOutput, end = k + perOutput; k < end; k++) {
                sums[c] += w[k];
            }
        }
        return sums;
    }

    /**
     * The largest shift in [MIN_SHIFT, MAX_SHIFT] for which at most CLIPPED_FRACTION of the biased
     * accumulators exceed 127 / headroom after scaling by 2^s / 128; 0 when every accumulator is 0.
     */
    static int shift(long[] unbiased, byte[] bias, int channels, int headroom) {
        long[] magnitudes = new long[unbiased.length];
        int pixels = unbiased.length / channels;
        long largest = 0;
        for (int e = 0; e < unbiased.length; e++) {
            long acc = unbiased[e] + (bias == null ? 0 : 128L * bias[e / pixels]);
            magnitudes[e] = Math.abs(acc);
            largest = Math.max(largest, magnitudes[e]);
        }
        if (largest == 0) {
            return 0;
        }
        double limit = 127.0 / headroom;
        long allowed = (long) Math.floor(CLIPPED_FRACTION * unbiased.length);
        int shift = MIN_SHIFT;
        while (shift < MAX_SHIFT && largest * Math.scalb(1.0, shift + 1) / 128 <= limit) {
            shift++;
        }
        // No accumulator leaves the range at `shift`; go up while few enough do.
        while (shift < MAX_SHIFT && exceeding(magnitudes, limit * 128 / Math.scalb(1.0, shift + 1)) <= allowed) {
            shift++;
        }
        return shift;
    }

    private static long exceeding(long[] magnitudes, double threshold) {
        long count = 0;
        for (long m : magnitudes) {
            if (m > threshold) {
                count++;
            }
        }
        return count;
    }

    /**
     * Per layer, how many operands share the int8 range its output lands in: n for an operand of an
     * n-operand element-wise layer (also through passthrough copies of it), else 1.
     */
    static int[] headroom(Network network) {
        int[] headroom = new int[network.size()];
        Arrays.fill(headroom, 1);
        for (int j = network.size() - 1; j >= 0; j--) {
            Layer consumer = network.layer(j);
            int share = consumer.operands() > 1 ? consumer.operands()
                    : consumer.operation() == Operation.PASSTHROUGH ? headroom[j] : 1;
            for (int source : consumer.sources()) {
                if (source != Layer.NETWORK_INPUT) {
                    headroom[source] = Math.max(headroom[source], share);
                }
            }
        }
        return headroom;
    }

    /** A passthrough with the layer's input path: its output is the layer's pooled input. */
    private Layer pooledInputProbe(Layer layer) {
        return Layer.builder(layer.index(), Operation.PASSTHROUGH)
                .inSequences(layer.inSequences())
                .eltwise(layer.eltwise(), layer.operands())
                .poolFirst(layer.poolFirst())
                .pooling(layer.pooling(), layer.pool(), layer.poolStride())
                .outputChannels(architecture.geometry(layer.index()).pooled().channels())
                .build();
    }

    private void append(Layer layer, LayerParameters p) {
        Tensor output = output(layer, p);
        layers.add(layer);
        parameters.add(p);
        outputs.put(layer.index(), output);
    }

    /** The accumulators of {@code last} run after the final layers so far, on their calibration outputs. */
    private long[] accumulators(Layer last, LayerParameters p) {
        Network network = prefix(last.index(), last);
        int index = last.index();
        return emulator(network, p).trace(liveInputs(network, index), index, index + 1).layer(index).accumulator();
    }

    /** The output of {@code last} run after the final layers so far, on their calibration outputs. */
    private Tensor output(Layer last, LayerParameters p) {
        Network network = prefix(last.index(), last);
        int index = last.index();
        return emulator(network, p).run(liveInputs(network, index), index, index + 1).tensor(index);
    }

    /** An emulator of the final layers so far plus the network's last layer, with parameters {@code p}. */
    private Emulator emulator(Network network, LayerParameters p) {
        List<LayerParameters> prefixParameters = new ArrayList<>(parameters);
        prefixParameters.add(p);
        return new Emulator(new Model(network, prefixParameters));
    }

    private Activations liveInputs(Network network, int index) {
        Map<Integer, Tensor> live = new HashMap<>();
        for (int id : network.liveTensors(index)) {
            live.put(id, outputs.get(id));
        }
        return Activations.of(live);
    }

    /** The final layers so far, then {@code last} if given, as a network of the architecture's name. */
    private Network prefix(int size, Layer last) {
        List<Layer> list = new ArrayList<>(layers.subList(0, Math.min(size, layers.size())));
        if (last != null) {
            list.add(last);
        }
        return new Network(architecture.name(), architecture.inputShape(), architecture.inputFormat(), list);
    }

    private static double mean(Tensor tensor) {
        int n = tensor.shape().elements();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += tensor.at(i);
        }
        return sum / n;
    }

    private static double standardDeviation(long[] values) {
        double sum = 0;
        double squares = 0;
        for (long v : values) {
            sum += v;
            squares += (double) v * v;
        }
        double mean = sum / values.length;
        return Math.sqrt(Math.max(0, squares / values.length - mean * mean));
    }
}
