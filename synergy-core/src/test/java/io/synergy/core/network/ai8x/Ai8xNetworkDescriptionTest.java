package io.synergy.core.network.ai8x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synergy.core.network.Activation;
import io.synergy.core.network.DataFormat;
import io.synergy.core.network.ElementwiseOp;
import io.synergy.core.network.Network;
import io.synergy.core.network.Operation;
import io.synergy.core.network.Pooling;
import io.synergy.core.network.Window;
import io.synergy.core.tensor.Shape;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ai8xNetworkDescriptionTest {

    /** A description with the given layers, each a YAML flow mapping without processors. */
    private static Ai8xNetworkDescription parse(String... layers) {
        StringBuilder yaml = new StringBuilder("arch: test\ndataset: test\nlayers:\n");
        for (String layer : layers) {
            yaml.append("  - {processors: 0xffff").append(layer.isEmpty() ? "" : ", ").append(layer).append("}\n");
        }
        return Ai8xNetworkDescription.parse(yaml.toString());
    }

    private static Ai8xLayerDescription single(String layer) {
        return parse(layer).layers().get(0);
    }

    @Test
    void appliesTheIzerDefaultsToABareLayer() {
        Ai8xLayerDescription layer = single("");

        assertThat(layer.operation()).isEqualTo(Operation.CONV2D);
        assertThat(layer.kernel()).isEqualTo(Window.square(3));
        assertThat(layer.padding()).isEqualTo(Window.square(1));
        assertThat(layer.stride()).isEqualTo(Window.ONE);
        assertThat(layer.activation()).isEqualTo(Activation.NONE);
        assertThat(layer.pooling()).isEqualTo(Pooling.NONE);
        assertThat(layer.outputWidth()).isEqualTo(8);
        assertThat(layer.poolFirst()).isTrue();
        assertThat(layer.mapping().outOffset()).isZero();
        assertThat(layer.inSequences()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"op: mlp, LINEAR", "operation: Linear, LINEAR", "operator: fc, LINEAR", "convolution: conv2d, CONV2D",
            "op: None, PASSTHROUGH", "operation: passthrough, PASSTHROUGH", "op: Conv1d, CONV1D",
            "op: convtranspose2d, CONV_TRANSPOSE2D"})
    void readsEveryOperationSynonym(String entry, Operation expected) {
        assertThat(single(entry).operation()).isEqualTo(expected);
    }

    @Test
    void linearAndPassthroughLayersHaveUnitKernelsAndNoPadding() {
        for (String op : List.of("op: mlp", "op: passthrough")) {
            Ai8xLayerDescription layer = single(op);
            assertThat(layer.kernel()).as(op).isEqualTo(Window.ONE);
            assertThat(layer.padding()).as(op).isEqualTo(Window.ZERO);
        }
    }

    @Test
    void conv1dKeepsOnlyTheFirstDimensionOfEveryWindow() {
        Ai8xLayerDescription layer = single("op: conv1d, kernel_size: 5, pad: 2, max_pool: 2, pool_stride: 2");

        assertThat(layer.kernel()).isEqualTo(new Window(5, 1));
        assertThat(layer.padding()).isEqualTo(new Window(2, 0));
        assertThat(layer.pool()).isEqualTo(new Window(2, 1));
        assertThat(layer.poolStride()).isEqualTo(new Window(2, 1));
    }

    @Test
    void conv1dDefaultsToANineTapKernel() {
        assertThat(single("op: conv1d").kernel()).isEqualTo(new Window(9, 1));
    }

    @Test
    void convTransposeUpsamplesByTwoWithOutputPaddingOne() {
        Ai8xLayerDescription layer = single("op: convtranspose2d, kernel_size: 3x3, pad: 1");

        assertThat(layer.stride()).isEqualTo(Window.square(2));
        assertThat(layer.outputPadding()).isEqualTo(Window.ONE);
    }

    @Test
    void readsPoolingAsScalarOrList() {
        Ai8xLayerDescription layer = single("avg_pool: [4, 2], pool_stride: 2");

        assertThat(layer.pooling()).isEqualTo(Pooling.AVG);
        assertThat(layer.pool()).isEqualTo(new Window(4, 2));
        assertThat(layer.poolStride()).isEqualTo(Window.square(2));
        assertThat(single("max_pool: 2").poolStride()).as("default pool stride").isEqualTo(Window.ONE);
    }

    @Test
    void resolvesInSequencesByIndexAndCaseInsensitiveName() {
        Ai8xNetworkDescription d = parse("name: First", "", "in_sequences: [first, 1], op: none",
                "in_sequences: input", "in_sequences: 0");

        assertThat(d.layers().get(2).inSequences()).containsExactly(0, 1);
        assertThat(d.layers().get(3).inSequences()).containsExactly(-1);
        assertThat(d.layers().get(4).inSequences()).containsExactly(0);
    }

    @Test
    void eltwiseSetsTwoOperandsUnlessOperandsSaysMore() {
        assertThat(single("eltwise: add, op: none").operands()).isEqualTo(2);
        Ai8xLayerDescription three = single("eltwise: Xor, operands: 3, op: none");
        assertThat(three.eltwise()).isEqualTo(ElementwiseOp.XOR);
        assertThat(three.operands()).isEqualTo(3);
        Ai8xLayerDescription add = single("op: add");
        assertThat(add.operation()).isEqualTo(Operation.PASSTHROUGH);
        assertThat(add.eltwise()).isEqualTo(ElementwiseOp.ADD);
    }

    @Test
    void readsPlacementAsTheIzerDoes() {
        Ai8xLayerDescription layer = single("output_processors: 0xffffffffffffffff, in_offset: 0x2000, "
                + "out_offset: 4096, write_gap: 1");

        assertThat(layer.mapping().processors()).isEqualTo(0xffffL);
        assertThat(layer.mapping().outputProcessors()).isEqualTo(-1L);
        assertThat(layer.mapping().inOffset()).isEqualTo(0x2000);
        assertThat(layer.mapping().outOffset()).isEqualTo(4096);
        assertThat(layer.mapping().writeGap()).isEqualTo(1);
    }

    @Test
    void readsFlagsAndOverrides() {
        Ai8xLayerDescription layer = single("activation: Abs, output_width: 32, output: True, flatten: yes, "
                + "data_format: CHW, streaming: true, quantization: 4, output_shift: -2, out_channels: 7, "
                + "kernel_size: 1x1, pad: 0, name: fc");

        assertThat(layer.activation()).isEqualTo(Activation.ABS);
        assertThat(layer.outputWidth()).isEqualTo(32);
        assertThat(layer.output()).isTrue();
        assertThat(layer.flatten()).isTrue();
        assertThat(layer.dataFormat()).isEqualTo(DataFormat.CHW);
        assertThat(layer.streaming()).isTrue();
        assertThat(layer.weightBits()).isEqualTo(4);
        assertThat(layer.outputShift()).isEqualTo(-2);
        assertThat(layer.outputChannels()).isEqualTo(7);
        assertThat(layer.name()).isEqualTo("fc");
    }

    @Test
    void inputFormatIsHwcUnlessTheFirstLayerSaysChw() {
        assertThat(parse("").inputFormat()).isEqualTo(DataFormat.HWC);
        assertThat(parse("data_format: big").inputFormat()).isEqualTo(DataFormat.CHW);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pad: 1, bogus: 3 | layer 0: key 'bogus' is not a known key",
            "in_dim: [4, 4] | layer 0: key 'in_dim' is an izer option this importer does not support",
            "pad: -1 | key 'pad' must be an integer from 0 to 64, got -1",
            "activate: Sigmoid | key 'activate' must be ReLU, Abs or None, got 'Sigmoid'",
            "activate: ReLU, activation: ReLU | key 'activation' duplicates 'activate'",
            "op: conv2d, operation: conv2d | names the operation a second time",
            "op: conv3d | key 'op' must be one of conv1d, conv2d",
            "kernel_size: 5x5 | key 'kernel_size' must be one of [1x1, 3x3] for conv2d, got '5x5'",
            "op: mlp, kernel_size: 1x1 | key 'kernel_size' cannot be configured for a fully connected",
            "op: conv1d, kernel_size: 10 | key 'kernel_size' must be an integer from 1 to 9 for conv1d",
            "output_width: 16 | key 'output_width' must be 8 or 32, got 16",
            "max_pool: 2, stride: 2 | key 'stride' must be 1 (the default) when the layer pools",
            "stride: 2 | key 'stride' must be 1 for conv2d",
            "pool_stride: 2 | key 'pool_stride' requires max_pool or avg_pool",
            "operands: 2 | key 'operands' can only be used with an element-wise operation",
            "eltwise: mul | key 'eltwise' must be add, sub, or or xor, got 'mul'",
            "op: none, activate: ReLU | a passthrough layer cannot have an activation",
            "op: none, pad: 1 | key 'pad' padding needs a convolution",
            "kernel_size: 1x1, pad: 1 | padding 1x1 must be smaller than the kernel 1x1",
            "max_pool: 2, pool_first: false | key 'pool_first' false requires both pooling and an element-wise",
            "in_sequences: [nowhere] | key 'in_sequences' names 'nowhere', which is no layer's name",
            "in_sequences: 0 | key 'in_sequences' may name the input (-1) or earlier layers",
            "quantization: 3 | key 'quantization' must be 1, 2, 4 or 8, got 3",
            "quantization: binary | binary (+1/-1) weights are not supported",
            "name: input | key 'name' 'input' is reserved",
            "output: maybe | key 'output' must be true or false, got 'maybe'",
            "flatten: 1 | key 'flatten' must be true or false, got 1",
            "data_format: RGB | key 'data_format' must be CHW (big) or HWC (little)"})
    void rejectsABadLayerNamingTheLayerTheKeyAndWhatIsAllowed(String entry, String message) {
        assertThatThrownBy(() -> single(entry)).isInstanceOf(ModelImportException.class)
                .hasMessageContaining("layer 0").hasMessageContaining(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0x10000000000000000", "'xyz'", "[1]"})
    void rejectsAProcessorMaskOutsideOneTo2To64(String mask) {
        String yaml = "arch: a\ndataset: d\nlayers:\n  - processors: " + mask + "\n";
        assertThatThrownBy(() -> Ai8xNetworkDescription.parse(yaml)).isInstanceOf(ModelImportException.class)
                .hasMessageContaining("layer 0: key 'processors' must be an integer from 1 to 2**64-1");
    }

    @Test
    void acceptsAProcessorMaskGivenAsHexString() {
        String yaml = "arch: a\ndataset: d\nlayers:\n  - processors: '0000.ffff_0000.0001'\n";
        assertThat(Ai8xNetworkDescription.parse(yaml).layers().get(0).mapping().processors()).isEqualTo(0xffff00000001L);
    }

    @Test
    void requiresProcessors() {
        assertThatThrownBy(() -> Ai8xNetworkDescription.parse("arch: a\ndataset: d\nlayers:\n  - pad: 1\n"))
                .isInstanceOf(ModelImportException.class).hasMessageContaining("layer 0: key 'processors' is required");
    }

    @Test
    void rejectsDuplicateLayerNamesRegardlessOfCase() {
        assertThatThrownBy(() -> parse("name: a", "name: A")).isInstanceOf(ModelImportException.class)
                .hasMessageContaining("layer 1: key 'name' 'A' is already the name of layer 0");
    }

    @Test
    void rejectsAStreamingLayerAfterANonStreamingOne() {
        assertThatThrownBy(() -> parse("", "streaming: true")).isInstanceOf(ModelImportException.class)
                .hasMessageContaining("layer 1: key 'streaming' is true, but layer 0 before it is not streaming");
    }

    @Test
    void rejectsChwOnALaterLayer() {
        assertThatThrownBy(() -> parse("", "data_format: CHW")).isInstanceOf(ModelImportException.class)
                .hasMessageContaining("layer 1: key 'data_format' CHW can only be configured for the first layer");
    }

    static Stream<Arguments> badDocuments() {
        String layers = "layers: [{processors: 1}]\n";
        return Stream.of(
                Arguments.of("dataset: d\n" + layers, "key 'arch' is required"),
                Arguments.of("arch: a\ndataset: d\nlayers: []\n", "key 'layers' must be a non-empty list"),
                Arguments.of("arch: a\ndataset: d\nunload: []\n" + layers, "key 'unload' is an izer option"),
                Arguments.of("arch: a\ndataset: d\nextra: 1\n" + layers, "key 'extra' is not a known key"),
                Arguments.of("arch: a\narch: b\ndataset: d\n" + layers, "duplicate key 'arch'"),
                Arguments.of("arch: [a\n", "not valid YAML"),
                Arguments.of("", "empty document"),
                Arguments.of("- a\n- b\n", "must be a mapping with arch, dataset and layers"));
    }

    @ParameterizedTest
    @MethodSource("badDocuments")
    void rejectsABadDocument(String yaml, String message) {
        assertThatThrownBy(() -> Ai8xNetworkDescription.parse(yaml))
                .isInstanceOf(ModelImportException.class).hasMessageContaining(message);
    }

    @Test
    void rejectsALayerThatIsNotAMapping() {
        assertThatThrownBy(() -> Ai8xNetworkDescription.parse("arch: a\ndataset: d\nlayers:\n  - 3\n"))
                .isInstanceOf(ModelImportException.class).hasMessageContaining("layer 0: must be a mapping of keys");
    }

    @Test
    void completesIntoANetworkWithPassthroughChannelsFromItsSources() {
        Ai8xNetworkDescription d = parse("pad: 1", "pad: 1", "op: add, in_sequences: [0, 1]", "op: mlp, flatten: true");
        LayerCompletion conv = new LayerCompletion(4, 8, true, -1);

        Network network = d.toNetwork("n", new Shape(3, 4, 4),
                Arrays.asList(conv, conv, null, new LayerCompletion(10, 8, false, 0)));

        assertThat(network.layer(2).outputChannels()).isEqualTo(4);
        assertThat(network.geometry(3).weightCount()).isEqualTo(10L * 4 * 4 * 4);
        assertThat(network.layer(0).outputShift()).isEqualTo(-1);
        assertThat(network.layer(0).bias()).isTrue();
    }

    @Test
    void completionPoolsOneDimensionalPassthroughDataAlongItsLengthOnly() {
        Ai8xNetworkDescription d = parse("op: conv1d, kernel_size: 1, pad: 0", "op: none, max_pool: 2, pool_stride: 2");

        Network network = d.toNetwork("n", new Shape(8, 16, 1), Arrays.asList(new LayerCompletion(4, 8, false, 0), null));

        assertThat(network.geometry(1).pooled()).isEqualTo(new Shape(4, 8, 1));
    }

    @Test
    void completionRejectsAMissingOrSurplusEntry() {
        Ai8xNetworkDescription d = parse("", "op: none");
        LayerCompletion c = new LayerCompletion(4, 8, false, 0);

        assertThatThrownBy(() -> d.toNetwork("n", new Shape(3, 4, 4), Arrays.asList(null, null)))
                .isInstanceOf(ModelImportException.class).hasMessageContaining("layer 0: a CONV2D layer needs");
        assertThatThrownBy(() -> d.toNetwork("n", new Shape(3, 4, 4), Arrays.asList(c, c)))
                .isInstanceOf(ModelImportException.class).hasMessageContaining("layer 1: a passthrough layer has no");
        assertThatThrownBy(() -> d.toNetwork("n", new Shape(3, 4, 4), List.of(c)))
                .isInstanceOf(ModelImportException.class).hasMessageContaining("2 layers but 1 completions");
    }

    @Test
    void completionRejectsChannelsOrBitsThatContradictTheDescription() {
        Ai8xNetworkDescription d = parse("out_channels: 5, quantization: 4");

        assertThatThrownBy(() -> d.toNetwork("n", new Shape(3, 4, 4), List.of(new LayerCompletion(4, 4, false, 0))))
                .isInstanceOf(ModelImportException.class).hasMessageContaining("out_channels is 5");
        assertThatThrownBy(() -> d.toNetwork("n", new Shape(3, 4, 4), List.of(new LayerCompletion(5, 8, false, 0))))
                .isInstanceOf(ModelImportException.class).hasMessageContaining("quantization is 4");
    }

    @Test
    void completionReportsShapesThatDoNotFitAsAnImportError() {
        Ai8xNetworkDescription d = parse("max_pool: 4, pool_stride: 4");

        assertThatThrownBy(() -> d.toNetwork("n", new Shape(3, 2, 2), List.of(new LayerCompletion(4, 8, false, 0))))
                .isInstanceOf(ModelImportException.class).hasMessageContaining("pooling window 4x4 is larger");
    }
}
