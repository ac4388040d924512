package io.synergy.core.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import io.synergy.core.network.Layer;
import io.synergy.core.network.Network;
import io.synergy.core.network.ai8x.Ai8xNetworkDescription;
import io.synergy.core.network.ai8x.LayerCompletion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The zoo's Java descriptors equal, field by field (processor masks, offsets and write gaps included),
 * what the ai8x importer makes of the original network descriptions in ../shared/zoo, completed with
 * the output channels, weight bits and bias presence of the toolchain profiles.
 */
class ZooDescriptionTest {

    private static final Map<String, String> FOLDERS = Map.of("mobilenetv2-0.75", "mobilenetv2_075",
            "unet-large", "unet_large");

    static List<String> zooNames() {
        return Zoo.names();
    }

    @ParameterizedTest
    @MethodSource("zooNames")
    void equalsTheImportedNetworkDescription(String name) {
        Network ours = Zoo.architecture(name);
        Path yaml = ZooProfiles.sharedDir().resolve("zoo").resolve(FOLDERS.getOrDefault(name, name))
                .resolve("network.yaml");
        Ai8xNetworkDescription description = Ai8xNetworkDescription.read(yaml);
        List<LayerCompletion> completions = new ArrayList<>();
        for (JsonNode layer : ZooProfiles.profile(name).get("layers")) {
            completions.add(layer.get("weight_key").isNull() ? null
                    : new LayerCompletion(layer.get("output_shape").get(0).asInt(), layer.get("weight_bits").asInt(),
                            layer.get("bias_count").asInt() > 0, 0));
        }

        Network imported = description.toNetwork(name, ours.inputShape(), completions);

        assertThat(ours.inputFormat()).isEqualTo(imported.inputFormat());
        assertThat(ours.size()).isEqualTo(imported.size());
        for (Layer layer : ours.layers()) {
            assertThat(layer).as(name + " layer " + layer.index()).isEqualTo(imported.layer(layer.index()));
        }
    }
}
