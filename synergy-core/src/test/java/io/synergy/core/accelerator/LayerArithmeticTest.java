package io.synergy.core.accelerator;

import static io.synergy.core.accelerator.RandomModels.flat;
import static io.synergy.core.accelerator.RandomModels.input;
import static io.synergy.core.accelerator.RandomModels.outputSettings;
import static io.synergy.core.accelerator.RandomModels.single;
import static io.synergy.core.accelerator.RandomModels.values;
import static io.synergy.core.accelerator.RandomModels.withRandomParameters;
import static org.assertj.core.api.Assertions.assertThat;

import io.synergy.core.network.Activation;
import io.synergy.core.network.Activations;
import io.synergy.core.network.ElementwiseOp;
import io.synergy.core.network.Layer;
import io.synergy.core.network.LayerParameters;
import io.synergy.core.network.Model;
import io.synergy.core.network.Network;
import io.synergy.core.network.Operation;
import io.synergy.core.network.Pooling;
import io.synergy.core.network.Window;
import io.synergy.core.tensor.Int8Tensor;
import io.synergy.core.tensor.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each layer operation of the emulator equals the direct computation from its definition
 * ({@link Reference}) on seeded random shapes, settings, weights and inputs: accumulators and outputs.
 */
class LayerArithmeticTest {

    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void conv2dEqualsTheDirectSumOverPaddedDilatedStridedGroupedWindows(long seed) {
        Random r = new Random(seed);
        int groups = r.nextInt(3) == 0 ? 1 + r.nextInt(4) : 1;
        int channels = groups * (1 + r.nextInt(5));
        int outputs = groups * (1 + r.nextInt(r.nextBoolean() ? 5 : 40));
        Window kernel = new Window(1 + r.nextInt(3), 1 + r.nextInt(3));
        Window padding = new Window(r.nextInt(3), r.nextInt(3));
        Window stride = r.nextInt(3) == 0 ? new Window(1 + r.nextInt(2), 1 + r.nextInt(2)) : Window.ONE;
        Window dilation = r.nextInt(4) == 0 ? new Window(1 + r.nextInt(2), 1 + r.nextInt(2)) : Window.ONE;
        Layer.Builder b = Layer.builder(0, Operation.CONV2D).outputChannels(outputs).convGroups(groups)
                .kernel(kernel).padding(padding).stride(stride).dilation(dilation);
        // the pooled size the kernel needs, then an input that pools to it
        int h = Math.max(1 + r.nextInt(18), dilation.height() * (kernel.height() - 1) + 1);
        int w = Math.max(1 + r.nextInt(18), dilation.width() * (kernel.width() - 1) + 1);
        if (r.nextInt(3) == 0) {
            Window pool = new Window(1 + r.nextInt(3), 1 + r.nextInt(3));
            Window step = new Window(1 + r.nextInt(3), 1 + r.nextInt(3));
            b.pooling(r.nextBoolean() ? Pooling.MAX : Pooling.AVG, pool, step);
            h = (h - 1) * step.height() + pool.height() + r.nextInt(step.height());
            w = (w - 1) * step.width() + pool.width() + r.nextInt(step.width());
        }
        outputSettings(b, (long) channels / groups * kernel.area(), r);
        assertLayerMatchesReference(single(new Shape(channels, h, w), b.build()), r);
    }

    /** Layers that make the kernel choose each of its loop organisations, with the expected choice. */
    static Stream<Arguments> organisations() {
        return Stream.of(
                Arguments.of(new Shape(5, 20, 20), conv3x3(7).build(), ConvolutionArithmetic.Strategy.PLANES),
                Arguments.of(new Shape(32, 4, 4), conv3x3(64).build(), ConvolutionArithmetic.Strategy.CHANNELS),
                Arguments.of(new Shape(4, 2, 2), conv3x3(2).build(), ConvolutionArithmetic.Strategy.PATCHES),
                Arguments.of(new Shape(8, 1, 1), conv3x3(4).convGroups(2).build(),
                        ConvolutionArithmetic.Strategy.PATCHES),
                Arguments.of(new Shape(70_000, 8, 8), Layer.builder(0, Operation.CONV2D).outputChannels(2).build(),
                        ConvolutionArithmetic.Strategy.PLANES_LONG),
                Arguments.of(new Shape(8_000, 2, 2), conv3x3(2).build(),
                        ConvolutionArithmetic.Strategy.PATCHES_LONG));
    }

    private static Layer.Builder conv3x3(int outputs) {
        return Layer.builder(0, Operation.CONV2D).kernel(Window.square(3)).padding(Window.ONE).outputChannels(outputs);
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("organisations")
    void everyLoopOrganisationEqualsTheDirectSum(Shape in, Layer layer, ConvolutionArithmetic.Strategy expected) {
        Network network = single(in, layer);
        Random r = new Random(in.elements());
        // 8-bit weights with a fan-in above 65,536 may exceed 2^30: the long organisations
        assertThat(new ConvolutionArithmetic(layer, network.geometry(0), withRandomParameters(network, r).parameters(0),
                true).strategy()).isEqualTo(expected);
        assertLayerMatchesReference(network, r);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void conv1dEqualsTheDirectSumAlongTheSequence(long seed) {
        Random r = new Random(seed);
        int channels = 1 + r.nextInt(12);
        int k = 1 + r.nextInt(6);
        int dilation = r.nextInt(4) == 0 ? 2 : 1;
        int length = dilation * (k - 1) + 1 + r.nextInt(150);
        Layer.Builder b = Layer.builder(0, Operation.CONV1D).outputChannels(1 + r.nextInt(10))
                .kernel(new Window(k, 1)).padding(new Window(r.nextInt(3), 0))
                .stride(new Window(r.nextInt(4) == 0 ? 2 : 1, 1)).dilation(new Window(dilation, 1));
        if (r.nextInt(3) == 0) {
            int pool = 1 + r.nextInt(3);
            b.pooling(r.nextBoolean() ? Pooling.MAX : Pooling.AVG, new Window(pool, 1),
                    new Window(1 + r.nextInt(3), 1));
            length = Math.max(length, pool) * (1 + r.nextInt(3));
        }
        outputSettings(b, (long) channels * k, r);
        assertLayerMatchesReference(single(new Shape(channels, length, 1), b.build()), r);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void convTranspose2dEqualsPytorchsScatterDefinition(long seed) {
        Random r = new Random(seed);
        int groups = r.nextInt(4) == 0 ? 2 : 1;
        int channels = groups * (1 + r.nextInt(5));
        int outputs = groups * (1 + r.nextInt(5));
        int k = 1 + r.nextInt(4);
        int stride = 1 + r.nextInt(3);
        int dilation = r.nextInt(4) == 0 ? 2 : 1;
        int padding = r.nextInt(dilation * (k - 1) + 1);
        int outputPadding = r.nextInt(Math.max(stride, dilation));
        int h = 1 + r.nextInt(10);
        int w = 1 + r.nextInt(10);
        if ((h - 1) * stride - 2 * padding + dilation * (k - 1) + outputPadding + 1 < 1
                || (w - 1) * stride - 2 * padding + dilation * (k - 1) + outputPadding + 1 < 1) {
            padding = 0;
        }
        Layer.Builder b = Layer.builder(0, Operation.CONV_TRANSPOSE2D).outputChannels(outputs).convGroups(groups)
                .kernel(Window.square(k)).padding(Window.square(padding)).stride(Window.square(stride))
                .dilation(Window.square(dilation)).outputPadding(Window.square(outputPadding));
        outputSettings(b, (long) channels / groups * k * k, r);
        assertLayerMatchesReference(single(new Shape(channels, h, w), b.build()), r);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void linearMultipliesTheFlattenedInputInChannelOrder(long seed) {
        Random r = new Random(seed);
        boolean flatten = r.nextBoolean();
        Shape in = flatten ? new Shape(1 + r.nextInt(20), 1 + r.nextInt(6), 1 + r.nextInt(6))
                : new Shape(1 + r.nextInt(300), 1, 1);
        Layer.Builder b = Layer.builder(0, Operation.LINEAR).outputChannels(1 + r.nextInt(30)).flatten(flatten);
        outputSettings(b, in.elements(), r);
        assertLayerMatchesReference(single(in, b.build()), r);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void poolingUsesWholeWindowsOnlyAndTruncatesAveragesTowardZero(long seed) {
        Random r = new Random(seed);
        Window pool = new Window(1 + r.nextInt(4), 1 + r.nextInt(4));
        Shape in = new Shape(1 + r.nextInt(6), pool.height() + r.nextInt(20), pool.width() + r.nextInt(20));
        Layer layer = Layer.builder(0, Operation.PASSTHROUGH).outputChannels(in.channels()).weightBits(0)
                .pooling(r.nextBoolean() ? Pooling.MAX : Pooling.AVG, pool,
                        new Window(1 + r.nextInt(4), 1 + r.nextInt(4)))
                .build();
        assertLayerMatchesReference(single(in, layer), r);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void elementwiseCombinesChannelBlocksLeftToRightAndClipsBeforeOrAfterPooling(long seed) {
        Random r = new Random(seed);
        int operands = 2 + r.nextInt(3);
        int channels = 1 + r.nextInt(5);
        ElementwiseOp op = ElementwiseOp.values()[1 + r.nextInt(ElementwiseOp.values().length - 1)];
        boolean passthrough = r.nextBoolean();
        Layer.Builder b = Layer.builder(0, passthrough ? Operation.PASSTHROUGH : Operation.CONV2D)
                .eltwise(op, operands).poolFirst(r.nextBoolean());
        if (passthrough) {
            b.weightBits(0).outputChannels(channels).outputWidth(r.nextBoolean() ? 32 : 8);
        } else {
            b.outputChannels(1 + r.nextInt(6)).kernel(Window.square(3)).padding(Window.ONE);
            outputSettings(b, channels * 9L, r);
        }
        int h = 2 + r.nextInt(16);
        int w = 2 + r.nextInt(16);
        if (r.nextBoolean()) {
            b.pooling(r.nextBoolean() ? Pooling.MAX : Pooling.AVG, Window.square(2), Window.square(2));
        }
        assertLayerMatchesReference(single(new Shape(operands * channels, h, w), b.build()), r);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void oneByOneConvolutionIsAMatrixProduct(long seed) {
        Random r = new Random(seed);
        int c = 1 + r.nextInt(40);
        int o = 1 + r.nextInt(40);
        Shape in = new Shape(c, 1 + r.nextInt(16), 1 + r.nextInt(16));
        Layer layer = Layer.builder(0, Operation.CONV2D).outputChannels(o).bias(true).outputWidth(32).build();
        Model model = withRandomParameters(single(in, layer), r);
        Int8Tensor x = input(in, r);

        Trace trace = new Emulator(model).trace(Activations.input(x), 0, 1);

        byte[] wm = model.parameters(0).weights();
        byte[] bias = model.parameters(0).bias();
        int p = in.pixels();
        long[] product = new long[o * p];
        for (int i = 0; i < o; i++) {
            for (int j = 0; j < p; j++) {
                long s = 128L * bias[i];
                for (int k = 0; k < c; k++) {
                    s += wm[i * c + k] * x.at(k * p + j);
                }
                product[i * p + j] = s;
            }
        }
        assertThat(trace.layer(0).accumulator()).containsExactly(product);
        assertThat(flat(trace.layer(0).output())).containsExactly(product);
    }

    @Test
    void planeConvolutionAccumulatesBeyondInt32InLongs() {
        // 1 x 1 kernel on 8 x 8 planes (the per-plane path), fan-in 140,000: all -128 gives 2.29e9 > 2^31.
        Shape in = new Shape(140_000, 8, 8);
        Layer layer = Layer.builder(0, Operation.CONV2D).outputChannels(2).outputShift(-20).build();
        assertExtremeLayerMatchesReference(single(in, layer));
    }

    @Test
    void patchConvolutionAccumulatesBeyondInt32InLongs() {
        // 3 x 3 kernel on padded 2 x 2 planes (the per-pixel path): each pixel meets 4 taps of 35,000 channels.
        Shape in = new Shape(35_000, 2, 2);
        Layer layer = Layer.builder(0, Operation.CONV2D).outputChannels(2).kernel(Window.square(3))
                .padding(Window.ONE).outputShift(-20).build();
        assertExtremeLayerMatchesReference(single(in, layer));
    }

    @Test
    void linearAccumulatesBeyondInt32InLongs() {
        Shape in = new Shape(35, 40, 100);
        Layer layer = Layer.builder(0, Operation.LINEAR).outputChannels(2).flatten(true).outputShift(-20).build();
        assertExtremeLayerMatchesReference(single(in, layer));
    }

    /** All weights and inputs -128: the largest accumulator the fan-in allows. */
    private static void assertExtremeLayerMatchesReference(Network network) {
        byte[] weights = new byte[(int) network.geometry(0).weightCount()];
        Arrays.fill(weights, (byte) -128);
        Model model = new Model(network, List.of(new LayerParameters(weights, null)));
        byte[] values = new byte[network.inputShape().elements()];
        Arrays.fill(values, (byte) -128);
        Int8Tensor x = Int8Tensor.wrap(network.inputShape(), values);

        Trace trace = new Emulator(model).trace(Activations.input(x), 0, 1);

        Reference.Result expected = Reference.layer(model, 0, List.<long[][][]>of(values(x)));
        assertThat(Arrays.stream(trace.layer(0).accumulator()).max().getAsLong()).isGreaterThan(Integer.MAX_VALUE);
        assertThat(trace.layer(0).accumulator()).containsExactly(flat(expected.accumulator()));
        assertThat(flat(trace.layer(0).output())).containsExactly(flat(expected.output()));
    }

    @Test
    void reluClipsEvenA32BitOutputTo127AsTheIzerDoes() {
        Shape in = new Shape(4, 1, 1);
        Layer layer = Layer.builder(0, Operation.LINEAR).outputChannels(1).outputWidth(32)
                .activation(Activation.RELU).build();
        Model model = new Model(single(in, layer), List.of(new LayerParameters(new byte[] {100, 100, 100, 100}, null)));
        Int8Tensor x = Int8Tensor.fromInts(in, new int[] {100, 100, 100, 100});

        Activations out = new Emulator(model).run(x);

        assertThat(out.tensor(0).at(0)).isEqualTo(127);
    }

    private static void assertLayerMatchesReference(Network network, Random r) {
        Model model = withRandomParameters(network, r);
        Int8Tensor x = input(network.inputShape(), r);

        Trace trace = new Emulator(model).trace(Activations.input(x), 0, 1);

        Reference.Result expected = Reference.layer(model, 0, List.<long[][][]>of(values(x)));
        LayerTrace actual = trace.layer(0);
        if (expected.accumulator() != null) {
            assertThat(actual.accumulator()).as("accumulators of %s", network.layer(0))
                    .containsExactly(flat(expected.accumulator()));
        }
        assertThat(actual.output().shape()).isEqualTo(network.geometry(0).output());
        assertThat(flat(actual.output())).as("output of %s", network.layer(0)).containsExactly(flat(expected.output()));
        assertThat(trace.result().tensor(0)).isEqualTo(actual.output());
    }
}
