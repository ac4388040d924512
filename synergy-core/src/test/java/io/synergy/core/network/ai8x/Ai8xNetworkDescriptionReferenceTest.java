package io.synergy.core.network.ai8x;

import static org.assertj.core.api.Assertions.assertThat;

import io.synergy.core.network.LayerGeometry;
import io.synergy.core.network.Network;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import io.synergy.core.tensor.Shape;
import java.util.ArrayList;
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
        List<String> expected = new ArrayList<>();
        for (JsonNode l : layers) {
            expected.add(line(l.get("index").asInt(), Ai8xProfiles.shape(l.get("input_shape")),
                    Ai8xProfiles.shape(l.get("pooled_shape")), Ai8xProfiles.shape(l.get("output_shape")),
                    l.get("weight_count").asLong(), l.get("output_width").asInt(), l.get("conv_groups").asInt()));
        }
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < network.size(); i++) {
            LayerGeometry g = network.geometry(i);
            actual.add(line(i, g.input(), g.pooled(), g.output(), g.weightCount(), network.layer(i).outputWidth(),
                    network.layer(i).convGroups()));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    private static String line(int index, Shape input, Shape pooled, Shape output, long weights, int width, int groups) {
        return "layer " + index + ": " + input + " -> " + pooled + " -> " + output + ", " + weights + " weights, "
                + width + "-bit output, " + groups + " groups";
    }
}
