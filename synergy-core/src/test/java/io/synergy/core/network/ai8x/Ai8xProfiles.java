package io.synergy.core.network.ai8x;

import io.synergy.core.network.Network;
import io.synergy.core.tensor.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test fixture over the reference data in {@code synergy.shared.dir}: the zoo's and the
 * conformance cases' network descriptions, their izer profiles, and networks built from a
 * description plus the per-layer facts of its profile (output channels from {@code output_shape},
 * {@code weight_bits}, {@code bias_count > 0}, {@code output_shift} where the profile has it). Other
 * tests use it to get the zoo's networks: {@code Ai8xProfiles.zooNetwork("simplenet")}.
 */
public final class Ai8xProfiles {

    public static final List<String> ZOO_MODELS = List.of("convnet5", "kws", "simplenet", "widenet", "ressimplenet",
            "efficientnetv2", "mobilenetv2_075", "unet_large");
    public static final List<String> PUBLIC_CASES = List.of("mnist", "kws20_v3", "cifar-10");
    public static final List<String> HELDOUT_CASES = List.of("heldout/cats-dogs", "heldout/camvid_unet",
            "heldout/svhn_tinierssd");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Ai8xProfiles() {
    }

    public static Path sharedDir() {
        String dir = System.getProperty("synergy.shared.dir");
        if (dir == null) {
            throw new IllegalStateException("system property synergy.shared.dir is not set (surefire sets it)");
        }
        return Path.of(dir);
    }

    public static Path zooDir(String model) {
        return sharedDir().resolve("zoo").resolve(model);
    }

    public static Path caseDir(String conformanceCase) {
        return sharedDir().resolve("conformance").resolve(conformanceCase);
    }

    /** Every network description under zoo/ and conformance/ (held-out cases included). */
    public static List<Path> allDescriptions() {
        List<Path> all = new ArrayList<>();
        ZOO_MODELS.forEach(m -> all.add(zooDir(m).resolve("network.yaml")));
        Stream.concat(PUBLIC_CASES.stream(), HELDOUT_CASES.stream())
                .forEach(c -> all.add(caseDir(c).resolve("network.yaml")));
        return all;
    }

    public static JsonNode json(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode zooProfile(String model) {
        return json(zooDir(model).resolve("profile.json"));
    }

    public static JsonNode caseProfile(String conformanceCase) {
        return json(caseDir(conformanceCase).resolve("expected").resolve("profile.json"));
    }

    /** A zoo model's network: its description completed from its profile. */
    public static Network zooNetwork(String model) {
        return network(model, zooDir(model).resolve("network.yaml"), zooProfile(model));
    }

    /** A public conformance case's network: its description completed from its expected profile. */
    public static Network caseNetwork(String conformanceCase) {
        return network(conformanceCase, caseDir(conformanceCase).resolve("network.yaml"),
                caseProfile(conformanceCase));
    }

    public static Network network(String name, Path yaml, JsonNode profile) {
        Ai8xNetworkDescription description = Ai8xNetworkDescription.read(yaml);
        JsonNode layers = profile.get("layers");
        List<LayerCompletion> completions = new ArrayList<>();
        for (JsonNode layer : layers) {
            boolean weights = !layer.get("weight_bits").isNull();
            completions.add(weights ? new LayerCompletion(layer.get("output_shape").get(0).asInt(),
                    layer.get("weight_bits").asInt(), layer.get("bias_count").asInt() > 0,
                    layer.has("output_shift") ? layer.get("output_shift").asInt() : 0) : null);
        }
        return description.toNetwork(name, shape(layers.get(0).get("input_shape")), completions);
    }

    /** [C], [C, L] or [C, H, W] as a Shape. */
    public static Shape shape(JsonNode dims) {
        int[] values = new int[dims.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = dims.get(i).asInt();
        }
        return Shape.of(values);
    }
}
