package io.synergy.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synergy.core.tensor.Int8Tensor;
import io.synergy.core.tensor.Shape;
import io.synergy.core.tensor.Tensor;
import io.synergy.core.tensor.WideTensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivationsTest {

    /** 0: conv 2->3, 1: conv 3->3, 2: add(0, 1) conv 3->2, 3: linear -> 4 values at 32 bits. */
    private static Network residual() {
        return new Network("residual", new Shape(2, 3, 3), DataFormat.CHW, List.of(
                Layer.builder(0, Operation.CONV2D).outputChannels(3).build(),
                Layer.builder(1, Operation.CONV2D).outputChannels(3).build(),
                Layer.builder(2, Operation.CONV2D).inSequences(List.of(0, 1)).eltwise(ElementwiseOp.ADD, 2)
                        .outputChannels(2).build(),
                Layer.builder(3, Operation.LINEAR).flatten(true).outputChannels(4).outputWidth(32).build()));
    }

    private static Int8Tensor ramp(Shape shape, int start) {
        int[] v = new int[shape.elements()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (start + i) % 256 - 128;
        }
        return Int8Tensor.fromInts(shape, v);
    }

    @Test
    void encodesEveryTensorInAscendingIdOrderAndDecodesThemBack() {
        Network net = residual();
        Activations at2 = Activations.of(Map.of(1, ramp(new Shape(3, 3, 3), 50), 0, ramp(new Shape(3, 3, 3), 7)));

        byte[] bytes = at2.encode();

        assertThat(bytes).hasSize(54);
        assertThat(bytes[0]).as("tensor 0 first").isEqualTo((byte) -121);
        assertThat(bytes[27]).as("then tensor 1").isEqualTo((byte) -78);
        assertThat(Activations.decode(bytes, net, 2)).isEqualTo(at2);
    }

    @Test
    void decodesWideTensorsAsLittleEndianInt32() {
        Network net = residual();
        Activations out = Activations.of(Map.of(3,
                WideTensor.of(new Shape(4, 1, 1), new int[] {1, -2, 70000, -70000})));

        Activations back = Activations.decode(out.encode(), net, 4);

        assertThat(back.tensor(3).toIntArray()).containsExactly(1, -2, 70000, -70000);
    }

    @Test
    void rejectsBytesOfTheWrongLengthNamingTheTensorsExpected() {
        assertThatThrownBy(() -> Activations.decode(new byte[53], residual(), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("split 2")
                .hasMessageContaining("0: 3x3x3 x 8 bits")
                .hasMessageContaining("need 54 bytes, got 53");
    }

    @Test
    void checksThatTheTensorsAreExactlyThoseLiveAtTheSplit() {
        Network net = residual();
        Activations onlyOne = Activations.of(Map.of(1, ramp(new Shape(3, 3, 3), 0)));

        assertThatThrownBy(() -> onlyOne.requireLiveAt(net, 2))
                .hasMessageContaining("expected tensors [0, 1], got [1]");
    }

    @Test
    void zerosHaveTheShapesAndWidthsLiveAtTheSplit() {
        Network net = residual();

        Activations zeros = Activations.zeros(net, 4);

        assertThat(zeros.ids()).containsExactly(3);
        Tensor t = zeros.tensor(3);
        assertThat(t.widthBits()).isEqualTo(32);
        assertThat(zeros.byteSize()).isEqualTo(net.boundaryBytes(4));
        zeros.requireLiveAt(net, 4);
    }

    @Test
    void selectsASubsetAndNamesAMissingTensor() {
        Activations two = Activations.of(Map.of(-1, ramp(new Shape(2, 3, 3), 0), 0, ramp(new Shape(3, 3, 3), 0)));

        assertThat(two.select(List.of(0)).ids()).containsExactly(0);
        assertThatThrownBy(() -> two.select(List.of(5))).hasMessageContaining("no tensor 5 (have [-1, 0])");
    }
}
