package io.synergy.bench;

import io.synergy.core.network.Layer;
import io.synergy.core.network.Network;
import io.synergy.core.zoo.Zoo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The project's zoo models ({@link Zoo}: real architectures, generated weights, calibrated shifts)
 * with the izer figures of ../shared/zoo/&lt;folder&gt;/profile.json the benchmark relates them to.
 */
public final class ZooModels {

    private ZooModels() {
    }

    /** The zoo names, in the order of the paper's evaluation. */
    public static List<String> names() {
        return Zoo.names();
    }

    /** The zoo directory: system property synergy.shared.dir (default ../shared) + /zoo. */
    public static Path zooDirectory() {
        return Path.of(System.getProperty("synergy.shared.dir", "../shared")).resolve("zoo");
    }

    /**
     * The model and its profile figures.
     *
     * @throws IllegalStateException when the profile's MAC count differs from the network's, i.e. the
     *                               profile is not this model's
     */
    public static ZooModel load(Path zoo, String name) {
        Path profileFile = zoo.resolve(folder(name)).resolve("profile.json");
        JsonNode totals;
        try {
            totals = JsonMapper.builder().build().readTree(Files.readString(profileFile)).get("totals");
        } catch (IOException e) {
            throw new IllegalArgumentException("zoo model " + name + ": cannot read " + profileFile, e);
        }
        ZooModel model = new ZooModel(name, Zoo.model(name), totals.get("macs").asLong(),
                totals.get("latency_cycles_max78000").asLong());
        long macs = macs(model.model().network());
        if (macs != model.macs()) {
            throw new IllegalStateException("zoo model " + name + ": " + macs + " MACs, but " + profileFile
                    + " counts " + model.macs());
        }
        return model;
    }

    /** The shared zoo's folder of a zoo name: unet-large is in unet_large/, mobilenetv2-0.75 in mobilenetv2_075/. */
    static String folder(String name) {
        return name.replace("-0.", "_0").replace('-', '_');
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
