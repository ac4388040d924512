package io.synergy.core.network;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synergy.core.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {

    private static Network oneBit() {
        return new Network("one-bit", new Shape(4, 1, 1), DataFormat.CHW, List.of(
                Layer.builder(0, Operation.LINEAR).outputChannels(1).weightBits(1).build()));
    }

    private static Model with(byte... weights) {
        return new Model(oneBit(), List.of(new LayerParameters(weights, null)));
    }

    @Test
    void acceptsOneBitWeightsAsTwosComplementMinusOneAndZero() {
        assertThatCode(() -> with((byte) -1, (byte) 0, (byte) 0, (byte) -1)).doesNotThrowAnyException();
    }

    @Test
    void acceptsOneBitWeightsThatAreAllMinusOneOrPlusOneAsBinary() {
        assertThatCode(() -> with((byte) -1, (byte) 1, (byte) 1, (byte) -1)).doesNotThrowAnyException();
    }

    @Test
    void rejectsOneBitWeightsMixingZeroAndPlusOne() {
        assertThatThrownBy(() -> with((byte) 0, (byte) 1, (byte) -1, (byte) 0))
                .hasMessageContaining("weight 1 is 1, outside [-1, 0] for 1-bit weights");
    }

    @Test
    void rejectsWeightsOutsideTheirBitWidth() {
        Network net = new Network("two-bit", new Shape(2, 1, 1), DataFormat.CHW, List.of(
                Layer.builder(0, Operation.LINEAR).outputChannels(1).weightBits(2).build()));

        assertThatThrownBy(() -> new Model(net, List.of(new LayerParameters(new byte[] {1, 2}, null))))
                .hasMessageContaining("layer 0").hasMessageContaining("weight 1 is 2, outside [-2, 1]");
    }
}
