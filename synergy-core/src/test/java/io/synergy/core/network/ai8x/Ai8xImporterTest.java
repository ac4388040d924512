package io.synergy.core.network.ai8x;

import static io.synergy.core.network.ai8x.TorchCheckpoints.checkpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synergy.core.network.Model;
import io.synergy.core.tensor.Shape;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The izer's rules for assigning a checkpoint to a description, on small hand-built models. */
class Ai8xImporterTest {

    private static Ai8xNetworkDescription yaml(String... layers) {
        StringBuilder text = new StringBuilder("arch: testnet\ndataset: test\nlayers:\n");
        for (String layer : layers) {
            text.append("  - {processors: 0xff").append(layer.isEmpty() ? "" : ", ").append(layer).append("}\n");
        }
        return Ai8xNetworkDescription.parse(text.toString());
    }

    private static float[] values(int count, int value) {
        float[] v = new float[count];
        Arrays.fill(v, value);
        return v;
    }

    private static Ai8xImport run(Ai8xNetworkDescription description, TorchCheckpoints checkpoint, Shape input) {
        return Ai8xImporter.importModel("test", description, Checkpoint.read(checkpoint.build()), input);
    }

    @Test
    void assignsWeightsInStateDictOrderAndIgnoresEntriesBeyondTheDescription() {
        TorchCheckpoints c = checkpoint()
                .tensor("b.op.weight", new int[] {4, 3, 1, 1}, values(12, 1))
                .tensor("a.op.weight", new int[] {5, 4, 1, 1}, values(20, -1))
                .tensor("z.op.weight", new int[] {6, 5, 1, 1}, values(30, 1));

        Ai8xImport imported = run(yaml("kernel_size: 1x1, pad: 0", "op: none", "kernel_size: 1x1, pad: 0"), c,
                new Shape(3, 2, 2));

        assertThat(imported.layers()).extracting(ImportedLayer::weightKey).containsExactly("b.op.weight", "a.op.weight");
        assertThat(imported.layers()).extracting(ImportedLayer::layer).containsExactly(0, 2);
        assertThat(imported.model().network().geometry(2).output()).isEqualTo(new Shape(5, 2, 2));
    }

    @Test
    void rejectsACheckpointWithFewerWeightsThanTheDescriptionHasLayers() {
        TorchCheckpoints c = checkpoint().tensor("a.op.weight", new int[] {4, 3, 1, 1}, values(12, 1));

        assertThatThrownBy(() -> run(yaml("kernel_size: 1x1, pad: 0", "kernel_size: 1x1, pad: 0"), c, new Shape(3, 2, 2)))
                .isInstanceOf(ModelImportException.class)
                .hasMessageContaining("the description has 2 layers with weights, but the checkpoint only 1");
    }

    @Test
    void readsWeightBitsAndShiftBesideTheWeightsAndMakesTheShiftEffective() {
        TorchCheckpoints c = checkpoint()
                .scalar("conv.output_shift", -1).scalar("conv.weight_bits", 2)
                .tensor("conv.op.weight", new int[] {2, 1, 1, 1}, -2, 1);

        ImportedLayer layer = run(yaml("kernel_size: 1x1, pad: 0"), c, new Shape(1, 1, 1)).layers().get(0);

        assertThat(layer.weightBits()).isEqualTo(2);
        assertThat(layer.outputShift()).isEqualTo(-1 + 8 - 2);
        assertThat(layer.weightMin()).isEqualTo(-2);
        assertThat(layer.weightMax()).isEqualTo(1);
    }

    @Test
    void theDescriptionsQuantizationAndOutputShiftWinOverTheCheckpoint() {
        TorchCheckpoints c = checkpoint()
                .scalar("conv.output_shift", -3).scalar("conv.weight_bits", 8)
                .tensor("conv.op.weight", new int[] {2, 1, 1, 1}, -8, 7);

        Ai8xImport imported = run(yaml("kernel_size: 1x1, pad: 0, quantization: 4, output_shift: 1"), c, new Shape(1, 1, 1));

        assertThat(imported.layers().get(0).weightBits()).isEqualTo(4);
        assertThat(imported.model().network().layer(0).outputShift()).isEqualTo(1 + 8 - 4);
    }

    @Test
    void storesAllZeroWeightsInOneBit() {
        TorchCheckpoints c = checkpoint().scalar("conv.weight_bits", 8)
                .tensor("conv.op.weight", new int[] {2, 1, 1, 1}, 0, 0);

        ImportedLayer layer = run(yaml("kernel_size: 1x1, pad: 0"), c, new Shape(1, 1, 1)).layers().get(0);

        assertThat(layer.weightBits()).isEqualTo(1);
        assertThat(layer.outputShift()).isEqualTo(7);
    }

    @Test
    void rejectsWeightsOutsideTheirBitWidth() {
        TorchCheckpoints c = checkpoint().scalar("conv.weight_bits", 2)
                .tensor("conv.op.weight", new int[] {2, 1, 1, 1}, 2, 0);

        assertThatThrownBy(() -> run(yaml("kernel_size: 1x1, pad: 0"), c, new Shape(1, 1, 1)))
                .isInstanceOf(ModelImportException.class)
                .hasMessageContaining("layer 0 (conv.op.weight): weights span [0, 2], outside [-2, 1] for 2-bit weights");
    }

    @Test
    void dividesTheBiasByTwoToTheCheckpointBitsMinusOneRoundingDown() {
        TorchCheckpoints c = checkpoint().scalar("conv.weight_bits", 4)
                .tensor("conv.op.weight", new int[] {3, 1, 1, 1}, 1, 1, 1)
                .tensor("conv.op.bias", new int[] {3}, -9, 16, 7);

        Ai8xImport imported = run(yaml("kernel_size: 1x1, pad: 0"), c, new Shape(1, 1, 1));

        assertThat(imported.model().parameters(0).bias()).containsExactly(-2, 2, 0);
        assertThat(imported.layers().get(0).biasKey()).isEqualTo("conv.op.bias");
        assertThat(imported.model().network().layer(0).bias()).isTrue();
    }

    @Test
    void rejectsABiasOutsideInt8() {
        TorchCheckpoints c = checkpoint().tensor("conv.op.weight", new int[] {1, 1, 1, 1}, 1)
                .tensor("conv.op.bias", new int[] {1}, 128 * 128);

        assertThatThrownBy(() -> run(yaml("kernel_size: 1x1, pad: 0"), c, new Shape(1, 1, 1)))
                .isInstanceOf(ModelImportException.class).hasMessageContaining("outside int8");
    }

    @Test
    void readsTwoLevelKeysWithTheirBias() {
        TorchCheckpoints c = checkpoint().tensor("fc.weight", new int[] {2, 4}, 1, 2, 3, 4, 5, 6, 7, -8)
                .tensor("fc.bias", new int[] {2}, 256, -128);

        Ai8xImport imported = run(yaml("op: mlp, flatten: true"), c, new Shape(1, 2, 2));

        assertThat(imported.layers().get(0).biasKey()).isEqualTo("fc.bias");
        assertThat(imported.model().parameters(0).bias()).containsExactly(2, -1);
        assertThat(imported.layers().get(0).inChannels()).isEqualTo(4);
    }

    @Test
    void convTransposeTakesItsOutputChannelsFromTheSecondWeightDimension() {
        TorchCheckpoints c = checkpoint().tensor("up.op.weight", new int[] {3, 2, 3, 3}, values(54, 1));

        Model model = run(yaml("op: convtranspose2d, kernel_size: 3x3, pad: 1"), c, new Shape(3, 4, 4)).model();

        assertThat(model.network().geometry(0).output()).isEqualTo(new Shape(2, 8, 8));
        assertThat(model.parameters(0).weights()).hasSize(54);
    }

    @Test
    void depthwiseGroupsMultiplyTheWeightsInputChannels() {
        TorchCheckpoints c = checkpoint().tensor("dw.op.weight", new int[] {3, 1, 3, 3}, values(27, 1));

        Ai8xImport imported = run(yaml("groups: 3"), c, new Shape(3, 4, 4));

        assertThat(imported.layers().get(0).inChannels()).isEqualTo(3);
        assertThat(imported.model().network().layer(0).convGroups()).isEqualTo(3);
    }

    @Test
    void rejectsWeightsWhoseKernelContradictsTheDescription() {
        TorchCheckpoints c = checkpoint().tensor("conv.op.weight", new int[] {2, 1, 1, 1}, 1, 1);

        assertThatThrownBy(() -> run(yaml(""), c, new Shape(1, 4, 4))).isInstanceOf(ModelImportException.class)
                .hasMessageContaining("weights [2, 1, 1, 1] need kernel_size 1x1, but the description's kernel is 3x3");
    }

    @Test
    void rejectsWeightsFedTheWrongNumberOfChannels() {
        TorchCheckpoints c = checkpoint().tensor("conv.op.weight", new int[] {2, 2, 1, 1}, 1, 1, 1, 1);

        assertThatThrownBy(() -> run(yaml("kernel_size: 1x1, pad: 0"), c, new Shape(3, 4, 4)))
                .isInstanceOf(ModelImportException.class)
                .hasMessageContaining("take 2 input channels, but the network feeds 3");
    }

    @Test
    void rejectsACheckpointOfAnotherArchitecture() {
        TorchCheckpoints c = checkpoint().arch("othernet").tensor("a.op.weight", new int[] {1, 1, 1, 1}, 1);

        assertThatThrownBy(() -> run(yaml("kernel_size: 1x1, pad: 0"), c, new Shape(1, 1, 1)))
                .isInstanceOf(ModelImportException.class)
                .hasMessageContaining("the checkpoint's arch 'othernet' does not match the description's arch 'testnet'");
    }

    @Test
    void rejectsUnfoldedBatchNormWeights() {
        TorchCheckpoints c = checkpoint().tensor("conv.bn.weight", new int[] {2}, 1, 1);

        assertThatThrownBy(() -> run(yaml("kernel_size: 1x1, pad: 0"), c, new Shape(1, 1, 1)))
                .isInstanceOf(ModelImportException.class).hasMessageContaining("fold BatchNorm");
    }

    @Test
    void rejectsWeightsThatAreNotQuantized() {
        TorchCheckpoints c = checkpoint().tensor("conv.op.weight", new int[] {1, 1, 1, 1}, 0.25f);

        assertThatThrownBy(() -> run(yaml("kernel_size: 1x1, pad: 0"), c, new Shape(1, 1, 1)))
                .isInstanceOf(ModelImportException.class).hasMessageContaining("0.25, not an integer");
    }

    @Test
    void rejectsAnEffectiveShiftOutsideTheHardwareRange() {
        TorchCheckpoints c = checkpoint().scalar("conv.output_shift", 16)
                .tensor("conv.op.weight", new int[] {1, 1, 1, 1}, 1);

        assertThatThrownBy(() -> run(yaml("kernel_size: 1x1, pad: 0"), c, new Shape(1, 1, 1)))
                .isInstanceOf(ModelImportException.class)
                .hasMessageContaining("effective output shift 16 + 8 - 8 = 16 is outside [-15, 15]");
    }
}
