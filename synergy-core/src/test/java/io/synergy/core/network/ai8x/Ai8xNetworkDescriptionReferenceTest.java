package io.synergy.core.network.ai8x;

import static org.assertj.core.api.Assertions.assertThat;

import io.synergy.core.network.LayerGeometry;
import io.synergy.core.network.Network;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every reference description parses, and completed from its izer profile it has the izer's shapes. */
class Ai8xNetworkDescriptionReferenceTest {

    static List<Path> descriptions() {
        return Ai8xProfiles.allDescriptions();
    }

    static Stream<Arguments> profiled() {
        Stream<Arguments> zoo = Ai8xProfiles.ZOO_MODELS.stream()
                .map(m -> Arguments.of(m, Ai8xProfiles.zooDir(m).resolve("network.yaml"), Ai8xProfiles.zooProfile(m)));
        Stream<Arguments> cases = Ai8xProfiles.PUBLIC_CASES.stream()
                .map(c -> Arguments.of(c, Ai8xProfiles.caseDir(c).resolve("network.yaml"), Ai8xProfiles.caseProfile(c)));
        return Stream.concat(zoo, cases);
    }

    @ParameterizedTest
    @MethodSource("descriptions")
    void parsesEveryReferenceDescription(Path yaml) {
        Ai8xNetworkDescription description = Ai8xNetworkDescription.read(yaml);

        assertThat(description.arch()).isNotBlank();
        assertThat(description.dataset()).isNotBlank();
        assertThat(description.layers()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiled")
    void completedNetworkHasEveryLayerShapeAndWeightCountOfTheIzerProfile(String model, Path yaml, JsonNode profile) {
        Network network = Ai8xProfiles.network(model, yaml, profile);

        JsonNode layers = profile.get("layers");
        assertThat(network.size()).isEqualTo(layers.size());
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode expected : layers) {
            int i = expected.get("index").asInt();
            LayerGeometry g = network.geometry(i);
            String at = model + " layer " + i;
            soft.assertThat(g.input()).as(at + " input").isEqualTo(Ai8xProfiles.shape(expected.get("input_shape")));
            soft.assertThat(g.pooled()).as(at + " pooled").isEqualTo(Ai8xProfiles.shape(expected.get("pooled_shape")));
            soft.assertThat(g.output()).as(at + " output").isEqualTo(Ai8xProfiles.shape(expected.get("output_shape")));
            soft.assertThat(g.weightCount()).as(at + " weights").isEqualTo(expected.get("weight_count").asLong());
            soft.assertThat(network.layer(i).outputWidth()).as(at + " width").isEqualTo(expected.get("output_width").asInt());
            soft.assertThat(network.layer(i).convGroups()).as(at + " groups").isEqualTo(expected.get("conv_groups").asInt());
        }
        soft.assertAll();
    }
}
