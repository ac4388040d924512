package io.synergy.core.network.ai8x;

import static org.assertj.core.api.Assertions.assertThat;

import io.synergy.core.network.Layer;
import io.synergy.core.network.LayerGeometry;
import io.synergy.core.network.LayerParameters;
import io.synergy.core.network.Model;
import io.synergy.core.network.Network;
import io.synergy.core.tensor.Npy;
import io.synergy.core.tensor.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Importing each conformance case's yaml and checkpoint yields what the izer used: the checkpoint
 * table of its --display-checkpoint printout and the per-layer facts of expected/profile.json.
 */
class Ai8xImporterConformanceTest {

    static List<String> publicCases() {
        return Ai8xProfiles.PUBLIC_CASES;
    }

    static List<String> allCases() {
        return java.util.stream.Stream.concat(Ai8xProfiles.PUBLIC_CASES.stream(), Ai8xProfiles.HELDOUT_CASES.stream())
                .toList();
    }

    static Ai8xImport importCase(String name) {
        Path dir = Ai8xProfiles.caseDir(name);
        Shape input = Npy.read(dir.resolve("input.npy")).shape();
        return Ai8xImporter.importModel(dir.resolve("network.yaml"), dir.resolve("checkpoint.pth.tar"), input);
    }

    @ParameterizedTest
    @MethodSource("publicCases")
    void importsTheCheckpointTableTheIzerPrinted(String name) {
        Ai8xImport imported = importCase(name);
        JsonNode table = Ai8xProfiles.caseProfile(name).get("checkpoint").get("table");

        List<String> expected = new ArrayList<>();
        for (JsonNode row : table) {
            expected.add(row(row.get("weight_key").asString(),
                    row.get("bias_key").isNull() ? null : row.get("bias_key").asString(),
                    row.get("in_channels").asInt(), row.get("out_channels").asInt(), row.get("weight_bits").asInt(),
                    row.get("output_shift").asInt(), row.get("weight_min").asInt(), row.get("weight_max").asInt(),
                    row.get("bias_min").asInt(), row.get("bias_max").asInt()));
        }
        List<String> actual = imported.layers().stream()
                .map(l -> row(l.weightKey(), l.biasKey(), l.inChannels(), l.outChannels(), l.weightBits(),
                        l.outputShift(), l.weightMin(), l.weightMax(), l.biasMin(), l.biasMax()))
                .toList();
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    private static String row(String weightKey, String biasKey, int in, int out, int bits, int shift, int wMin,
                              int wMax, int bMin, int bMax) {
        return weightKey + " bias " + biasKey + ": " + in + " -> " + out + ", " + bits + " bits, shift " + shift
                + ", weights [" + wMin + ", " + wMax + "], bias [" + bMin + ", " + bMax + "]";
    }

    @ParameterizedTest
    @MethodSource("publicCases")
    void importsEveryLayerAsTheIzerProfileDescribesIt(String name) {
        Model model = importCase(name).model();
        Network network = model.network();
        JsonNode layers = Ai8xProfiles.caseProfile(name).get("layers");

        List<String> expected = new ArrayList<>();
        for (JsonNode l : layers) {
            boolean weights = !l.get("weight_bits").isNull();
            expected.add(layerLine(l.get("index").asInt(), Ai8xProfiles.shape(l.get("input_shape")),
                    Ai8xProfiles.shape(l.get("pooled_shape")), Ai8xProfiles.shape(l.get("output_shape")),
                    l.get("weight_count").asInt(), weights ? l.get("weight_bits").asInt() : 0,
                    l.get("bias_count").asInt(), l.get("output_shift").asInt(), l.get("output_width").asInt()));
        }
        List<String> actual = new ArrayList<>();
        for (Layer layer : network.layers()) {
            int i = layer.index();
            LayerGeometry g = network.geometry(i);
            LayerParameters p = model.parameters(i);
            actual.add(layerLine(i, g.input(), g.pooled(), g.output(), p == null ? 0 : p.weights().length,
                    layer.weightBits(), p == null || !p.hasBias() ? 0 : p.bias().length, layer.outputShift(),
                    layer.outputWidth()));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    private static String layerLine(int index, Shape input, Shape pooled, Shape output, int weights, int bits,
                                    int bias, int shift, int width) {
        return "layer " + index + ": " + input + " -> " + pooled + " -> " + output + ", " + weights + " weights of "
                + bits + " bits, " + bias + " bias, shift " + shift + ", " + width + "-bit output";
    }

    @ParameterizedTest
    @MethodSource("allCases")
    void importsEveryConformanceCaseHeldOutIncluded(String name) {
        Ai8xImport imported = importCase(name);

        Network network = imported.model().network();
        assertThat(network.size()).isEqualTo(Ai8xNetworkDescription.read(Ai8xProfiles.caseDir(name)
                .resolve("network.yaml")).layers().size());
        assertThat(imported.layers()).extracting(ImportedLayer::layer)
                .containsExactlyElementsOf(network.layers().stream().filter(Layer::hasWeights).map(Layer::index).toList());
    }

    @Test
    void kwsUsesTheModulePrefixedWeightsAndThereforeNoBias() {
        Ai8xImport imported = importCase("kws20_v3");

        assertThat(imported.layers()).allSatisfy(l -> {
            assertThat(l.weightKey()).startsWith("module.");
            assertThat(l.biasKey()).isNull();
        });
        assertThat(imported.model().parameters()).allSatisfy(p -> assertThat(p == null || !p.hasBias()).isTrue());
    }

    @Test
    void mnistWeightsAreTheCheckpointValuesInItsLayout() {
        Checkpoint checkpoint = Checkpoint.read(Ai8xProfiles.caseDir("mnist").resolve("checkpoint.pth.tar"));
        Model model = importCase("mnist").model();

        int[] conv1 = checkpoint.tensor("conv1.op.weight").intValues();
        byte[] imported = model.parameters(0).weights();
        assertThat(imported).hasSize(conv1.length);
        for (int i = 0; i < conv1.length; i++) {
            assertThat((int) imported[i]).isEqualTo(conv1[i]);
        }
        double[] bias = checkpoint.tensor("fc.op.bias").values();
        byte[] fcBias = model.parameters(4).bias();
        for (int o = 0; o < bias.length; o++) {
            assertThat((int) fcBias[o]).isEqualTo((int) Math.floor(bias[o] / 128));
        }
    }
}
