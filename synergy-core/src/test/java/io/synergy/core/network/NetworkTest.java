package io.synergy.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synergy.core.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkTest {

    private static Layer.Builder conv(int index, int outChannels) {
        return Layer.builder(index, Operation.CONV2D).kernel(Window.square(3)).padding(Window.square(1))
                .outputChannels(outChannels).activation(Activation.RELU);
    }

    /** 0: conv 3->8, 1: conv 8->8 with 2x2 max pool, 2: passthrough of 0 pooled, 3: add(1, 2), 4: linear. */
    private static Network residual() {
        return new Network("residual", new Shape(3, 8, 8), DataFormat.HWC, List.of(
                conv(0, 8).build(),
                conv(1, 8).pooling(Pooling.MAX, Window.square(2), Window.square(2)).build(),
                Layer.builder(2, Operation.PASSTHROUGH).inSequences(List.of(0)).outputChannels(8)
                        .pooling(Pooling.MAX, Window.square(2), Window.square(2)).build(),
                conv(3, 8).inSequences(List.of(1, 2)).eltwise(ElementwiseOp.ADD, 2).build(),
                Layer.builder(4, Operation.LINEAR).flatten(true).outputChannels(10).outputWidth(32).build()));
    }

    @Test
    void derivesShapesAndWeightCountsLayerByLayer() {
        Network net = residual();

        assertThat(net.geometry(0).output()).isEqualTo(new Shape(8, 8, 8));
        assertThat(net.geometry(0).weightCount()).isEqualTo(8 * 3 * 9);
        assertThat(net.geometry(1).pooled()).isEqualTo(new Shape(8, 4, 4));
        assertThat(net.geometry(3).input()).as("one operand's shape").isEqualTo(new Shape(8, 4, 4));
        assertThat(net.geometry(4).output()).isEqualTo(new Shape(10, 1, 1));
        assertThat(net.geometry(4).weightCount()).isEqualTo(10L * 8 * 4 * 4);
    }

    @Test
    void concatenatesInSequencesAlongChannels() {
        Network net = new Network("concat", new Shape(4, 6, 6), DataFormat.CHW, List.of(
                conv(0, 5).build(),
                conv(1, 7).inSequences(List.of(0, -1)).build()));

        assertThat(net.geometry(1).input()).isEqualTo(new Shape(9, 6, 6));
        assertThat(net.geometry(1).weightCount()).isEqualTo(7L * 9 * 9);
    }

    @Test
    void carriesSkipConnectionsAcrossASplit() {
        Network net = residual();

        assertThat(net.liveTensors(0)).containsExactly(-1);
        assertThat(net.liveTensors(1)).containsExactly(0);
        assertThat(net.liveTensors(2)).as("layer 2 still needs layer 0's output").containsExactly(0, 1);
        assertThat(net.liveTensors(3)).containsExactly(1, 2);
        assertThat(net.liveTensors(5)).as("the network's output").containsExactly(4);
        assertThat(net.boundaryBytes(3)).isEqualTo(2 * 8 * 4 * 4);
        assertThat(net.boundaryBytes(5)).as("32-bit output").isEqualTo(4 * 10);
    }

    @Test
    void rejectsOperandsOfDifferentSizes() {
        assertThatThrownBy(() -> new Network("bad", new Shape(3, 8, 8), DataFormat.CHW, List.of(
                conv(0, 8).build(),
                conv(1, 8).pooling(Pooling.MAX, Window.square(2), Window.square(2)).build(),
                conv(2, 8).inSequences(List.of(0, 1)).eltwise(ElementwiseOp.ADD, 2).build())))
                .isInstanceOf(NetworkShapeException.class)
                .hasMessageContaining("layer 2").hasMessageContaining("differ in size");
    }

    @Test
    void rejectsSourcesThatAreNotEarlierLayers() {
        assertThatThrownBy(() -> conv(1, 8).inSequences(List.of(1)).build())
                .hasMessageContaining("layer 1").hasMessageContaining("in_sequences");
    }

    @Test
    void rejectsPassthroughThatChangesTheChannelCount() {
        assertThatThrownBy(() -> new Network("bad", new Shape(3, 8, 8), DataFormat.CHW, List.of(
                Layer.builder(0, Operation.PASSTHROUGH).outputChannels(4).build())))
                .hasMessageContaining("passthrough").hasMessageContaining("declares 4");
    }

    @Test
    void modelRejectsWeightsOutsideTheirBitWidth() {
        Network net = new Network("tiny", new Shape(1, 1, 1), DataFormat.CHW, List.of(
                Layer.builder(0, Operation.LINEAR).outputChannels(2).weightBits(2).build()));

        assertThatThrownBy(() -> new Model(net, List.of(new LayerParameters(new byte[] {1, 2}, null))))
                .hasMessageContaining("weight 1 is 2, outside [-2, 1] for 2-bit weights");
    }
}
