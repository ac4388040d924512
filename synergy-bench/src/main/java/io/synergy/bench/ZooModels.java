package io.synergy.bench;

import io.synergy.core.network.Layer;
import io.synergy.core.network.LayerParameters;
import io.synergy.core.network.Model;
import io.synergy.core.network.Network;
import io.synergy.core.network.ai8x.Ai8xNetworkDescription;
import io.synergy.core.network.ai8x.LayerCompletion;
import io.synergy.core.tensor.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the zoo's models (../shared/zoo/&lt;model&gt;/) for benchmarks: the network from its izer
 * description, completed with the output channels, weight bits and bias flags of its profile.json,
 * and seeded random parameters. The emulator's speed does not depend on parameter values except
 * through zero weights, which it skips; random weights of the layer's bit width have the zero share
 * of uniform weights (1/2^b).
 */
public final class ZooModels {

    /** The eight models of the Synergy evaluation, in the zoo README's order. */
    public static final List<String> NAMES = List.of("convnet5", "kws", "simplenet", "widenet", "ressimplenet",
            "efficientnetv2", "mobilenetv2_075", "unet_large");

    private ZooModels() {
    }

    /** The zoo directory: system property synergy.shared.dir (default ../shared) + /zoo. */
    public static Path zooDirectory() {
        return Path.of(System.getProperty("synergy.shared.dir", "../shared")).resolve("zoo");
    }

    public static ZooModel load(Path zoo, String name, long seed) {
        Path dir = zoo.resolve(name);
        JsonNode profile;
        try {
            profile = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("profile.json")));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("zoo model " + name + ": cannot read " + dir.resolve("profile.json"), e);
        }
        Ai8xNetworkDescription description = Ai8xNetworkDescription.read(dir.resolve("network.yaml"));
        JsonNode layers = profile.get("layers");
        List<LayerCompletion> completions = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            JsonNode l = layers.get(i);
            completions.add(description.layers().get(i).hasWeights()
                    ? new LayerCompletion(l.get("output_shape").get(0).asInt(), l.get("weight_bits").asInt(),
                    l.get("bias_count").asInt() > 0, 0)
                    : null);
        }
        Shape input = shape(layers.get(0).get("input_shape"));
        Network network = description.toNetwork(name, input, completions);
        Model model = randomParameters(withTypicalShifts(network, description, input, completions), new Random(seed));
        JsonNode totals = profile.get("totals");
        return new ZooModel(name, model, totals.get("macs").asLong(), totals.get("latency_cycles_max78000").asLong());
    }

    private static Shape shape(JsonNode dims) {
        int[] d = new int[dims.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = dims.get(i).asInt();
        }
        return Shape.of(d);
    }

    /**
     * Output shifts that keep random activations in the int8 range rather than saturated: the
     * profile has no shifts (they come from the checkpoints), and realistic magnitudes make the
     * benchmark's data look like an inference's.
     */
    private static Network withTypicalShifts(Network network, Ai8xNetworkDescription description, Shape input,
                                             List<LayerCompletion> completions) {
        List<LayerCompletion> shifted = new ArrayList<>();
        for (Layer layer : network.layers()) {
            LayerCompletion c = completions.get(layer.index());
            if (c == null) {
                shifted.add(null);
                continue;
            }
            long fanIn = network.geometry(layer.index()).weightCount() / c.outputChannels();
            double typical = Math.sqrt(fanIn) * Math.max(1, (1 << (c.weightBits() - 1)) / 1.7) * 40;
            int k = (int) Math.max(0, Math.round(Math.log(typical / 40) / Math.log(2)));
            shifted.add(new LayerCompletion(c.outputChannels(), c.weightBits(), c.bias(), 7 - k));
        }
        return description.toNetwork(network.name(), input, shifted);
    }

    /** Weights uniform over the layer's bit width ([-1, 0] for 1 bit), int8 biases, from one seed. */
    public static Model randomParameters(Network network, Random random) {
        List<LayerParameters> parameters = new ArrayList<>();
        for (Layer layer : network.layers()) {
            if (!layer.hasWeights()) {
                parameters.add(null);
                continue;
            }
            byte[] weights = new byte[(int) network.geometry(layer.index()).weightCount()];
            int bits = layer.weightBits();
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (byte) (random.nextInt(1 << bits) - (1 << (bits - 1)));
            }
            byte[] bias = null;
            if (layer.bias()) {
                bias = new byte[layer.outputChannels()];
                random.nextBytes(bias);
            }
            parameters.add(new LayerParameters(weights, bias));
        }
        return new Model(network, parameters);
    }

    /** MACs as the izer counts them: per layer weight count x output pixels (padding included). */
    public static long macs(Network network) {
        long macs = 0;
        for (Layer layer : network.layers()) {
            macs += network.geometry(layer.index()).weightCount() * network.geometry(layer.index()).output().pixels();
        }
        return macs;
    }
}
