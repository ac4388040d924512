package io.synergy.core.zoo;

import io.synergy.core.tensor.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads the reference profiles of ../shared/zoo (tests only: main code never reads ../shared). */
final class ZooProfiles {

    /** Zoo name -> folder in ../shared/zoo, where they differ. */
    private static final Map<String, String> FOLDERS = Map.of(
            "mobilenetv2-0.75", "mobilenetv2_075",
            "unet-large", "unet_large");

    private ZooProfiles() {
    }

    static Path sharedDir() {
        String dir = System.getProperty("synergy.shared.dir");
        if (dir == null) {
            throw new IllegalStateException("system property synergy.shared.dir is not set (surefire sets it)");
        }
        return Path.of(dir);
    }

    static JsonNode profile(String zooName) {
        Path file = sharedDir().resolve("zoo").resolve(FOLDERS.getOrDefault(zooName, zooName)).resolve("profile.json");
        try {
            return new ObjectMapper().readTree(Files.readString(file));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** A profile shape, [C], [C, L] or [C, H, W], as our C x H x W. */
    static Shape shape(JsonNode dims) {
        int[] values = new int[dims.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = dims.get(i).asInt();
        }
        return Shape.of(values);
    }
}
