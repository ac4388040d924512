package io.synergy.core.network;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synergy.core.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerTest {

    @Test
    void rejectsAnActivationOnAPassthroughLayerAsTheIzerDoes() {
        assertThatThrownBy(() -> Layer.builder(3, Operation.PASSTHROUGH).activation(Activation.RELU).build())
                .hasMessageContaining("layer 3").hasMessageContaining("passthrough layer takes no activation");
    }

    @Test
    void rejectsGroupsThatDoNotDivideTheOutputChannels() {
        assertThatThrownBy(() -> new Network("g", new Shape(4, 3, 3), DataFormat.CHW,
                List.of(Layer.builder(0, Operation.CONV2D).convGroups(2).outputChannels(3).build())))
                .isInstanceOf(NetworkShapeException.class)
                .hasMessageContaining("3 output channels are not divisible by groups 2");
    }
}
