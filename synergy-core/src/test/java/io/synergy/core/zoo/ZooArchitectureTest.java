package io.synergy.core.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synergy.core.network.Layer;
import io.synergy.core.network.LayerGeometry;
import io.synergy.core.network.Network;
import io.synergy.core.network.Operation;
import io.synergy.core.network.Pooling;
import io.synergy.core.network.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The zoo's architectures, written in Java, against the toolchain's own per-layer profile of each
 * model (../shared/zoo/<model>/profile.json): every layer's shapes, weight and bias figures, output
 * width and structure.
 */
class ZooArchitectureTest {

    static List<String> zooNames() {
        return Zoo.names();
    }

    @Test
    void listsTheEightModelsOfThePaperByTheirCliNames() {
        assertThat(Zoo.names()).containsExactly("convnet5", "kws", "simplenet", "widenet", "ressimplenet",
                "efficientnetv2", "mobilenetv2-0.75", "unet-large");
    }

    @Test
    void rejectsAnUnknownNameListingTheKnownOnes() {
        assertThatThrownBy(() -> Zoo.network("resnet50"))
                .isInstanceOf(UnknownZooModelException.class)
                .hasMessageContaining("resnet50")
                .hasMessageContaining("convnet5, kws, simplenet, widenet, ressimplenet, efficientnetv2, "
                        + "mobilenetv2-0.75, unet-large");
        assertThatThrownBy(() -> Zoo.model(null)).isInstanceOf(UnknownZooModelException.class);
    }

    @ParameterizedTest
    @MethodSource("zooNames")
    void matchesTheToolchainProfileLayerByLayer(String name) {
        Network network = Zoo.architecture(name);
        JsonNode profile = ZooProfiles.profile(name);
        JsonNode layers = profile.get("layers");

        assertThat(network.size()).as("layers").isEqualTo(layers.size());
        assertThat(network.inputShape()).as("input").isEqualTo(ZooProfiles.shape(layers.get(0).get("input_shape")));
        SoftAssertions softly = new SoftAssertions();
        for (JsonNode expected : layers) {
            int index = expected.get("index").asInt();
            Layer layer = network.layer(index);
            LayerGeometry geometry = network.geometry(index);
            String at = name + " layer " + index + " ";
            softly.assertThat(geometry.input()).as(at + "input shape")
                    .isEqualTo(ZooProfiles.shape(expected.get("input_shape")));
            softly.assertThat(geometry.pooled()).as(at + "pooled shape")
                    .isEqualTo(ZooProfiles.shape(expected.get("pooled_shape")));
            softly.assertThat(geometry.output()).as(at + "output shape")
                    .isEqualTo(ZooProfiles.shape(expected.get("output_shape")));
            softly.assertThat(geometry.weightCount()).as(at + "weight count")
                    .isEqualTo(expected.get("weight_count").asLong());
            softly.assertThat(geometry.weightCount() * layer.weightBits() / 8).as(at + "weight bytes")
                    .isEqualTo(expected.get("weight_bytes").asLong());
            softly.assertThat(layer.bias() ? layer.outputChannels() : 0).as(at + "bias count")
                    .isEqualTo(expected.get("bias_count").asInt());
            softly.assertThat(layer.outputWidth()).as(at + "output width")
                    .isEqualTo(expected.get("output_width").asInt());
            softly.assertThat(operationName(layer.operation())).as(at + "operation")
                    .isEqualTo(expected.get("operation").asString());
            softly.assertThat(layer.activation().name()).as(at + "activation")
                    .isEqualToIgnoringCase(textOr(expected.get("activation"), "none"));
            softly.assertThat(layer.eltwise().name()).as(at + "eltwise")
                    .isEqualToIgnoringCase(textOr(expected.get("eltwise"), "none"));
            softly.assertThat(layer.inSequences()).as(at + "in_sequences").isEqualTo(ints(expected.get("in_sequences")));
            softly.assertThat(layer.flatten()).as(at + "flatten").isEqualTo(expected.get("flatten").asBoolean());
            softly.assertThat(layer.pooling().name()).as(at + "pooling")
                    .isEqualToIgnoringCase(textOr(expected.get("pool_type"), "none"));
            if (layer.pooling() != Pooling.NONE) {
                softly.assertThat(layer.pool().height()).as(at + "pool").isEqualTo(expected.get("pool").get(0).asInt());
            }
            softly.assertThat(layer.name()).as(at + "name").isEqualTo(textOr(expected.get("name"), null));
            if (layer.operation() != Operation.PASSTHROUGH && layer.operation() != Operation.LINEAR) {
                boolean oneDimensional = layer.operation() == Operation.CONV1D;
                softly.assertThat(window(layer.kernel(), oneDimensional)).as(at + "kernel")
                        .isEqualTo(ints(expected.get("kernel_size")));
                softly.assertThat(window(layer.padding(), oneDimensional)).as(at + "padding")
                        .isEqualTo(ints(expected.get("padding")));
                softly.assertThat(window(layer.stride(), oneDimensional)).as(at + "stride")
                        .isEqualTo(ints(expected.get("stride")));
            }
            if (layer.hasWeights()) {
                softly.assertThat(layer.weightBits()).as(at + "weight bits")
                        .isEqualTo(expected.get("weight_bits").asInt());
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @MethodSource("zooNames")
    void totalsEqualTheProfileTotals(String name) {
        Network network = Zoo.architecture(name);
        JsonNode totals = ZooProfiles.profile(name).get("totals");

        long weightBytes = 0;
        long biasBytes = 0;
        for (Layer layer : network.layers()) {
            weightBytes += network.geometry(layer.index()).weightCount() * layer.weightBits() / 8;
            biasBytes += layer.bias() ? layer.outputChannels() : 0;
        }
        assertThat(network.size()).isEqualTo(totals.get("layers").asInt());
        assertThat(weightBytes).isEqualTo(totals.get("weight_bytes").asLong());
        assertThat(biasBytes).isEqualTo(totals.get("bias_bytes").asLong());
    }

    private static String operationName(Operation operation) {
        return operation == Operation.CONV_TRANSPOSE2D ? "convtranspose2d" : operation.name().toLowerCase(Locale.ROOT);
    }

    /** A window as the profile writes it: [length] for 1-D layers, [height, width] otherwise. */
    private static List<Integer> window(Window window, boolean oneDimensional) {
        return oneDimensional ? List.of(window.height()) : List.of(window.height(), window.width());
    }

    private static String textOr(JsonNode node, String fallback) {
        return node == null || node.isNull() ? fallback : node.asString();
    }

    private static List<Integer> ints(JsonNode node) {
        List<Integer> values = new ArrayList<>();
        if (node != null && !node.isNull()) {
            node.forEach(v -> values.add(v.asInt()));
        }
        return values;
    }
}
