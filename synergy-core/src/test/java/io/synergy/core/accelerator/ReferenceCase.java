package io.synergy.core.accelerator;

import io.synergy.core.network.Network;
import io.synergy.core.network.ai8x.Ai8xProfiles;
import io.synergy.core.tensor.Shape;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One reference network of ../shared (a conformance case or a zoo model): its izer profile and the
 * {@link Network} the ai8x importer builds from its network.yaml, completed with the profile's output
 * channels, weight bits and bias presence ({@link Ai8xProfiles#network}). Read-only; nothing is copied
 * into the repository.
 */
record ReferenceCase(String name, boolean zoo, JsonNode profile, Network network) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Parsed once per test JVM: the files are read-only and the records immutable. */
    private static final Map<String, ReferenceCase> LOADED = new ConcurrentHashMap<>();

    static Path sharedDir() {
        String dir = System.getProperty("synergy.shared.dir");
        if (dir == null) {
            throw new IllegalStateException("system property synergy.shared.dir is not set (surefire sets it)");
        }
        return Path.of(dir);
    }

    static List<String> conformanceNames() {
        return List.of("mnist", "kws20_v3", "cifar-10");
    }

    static List<String> zooNames() {
        return List.of("convnet5", "kws", "simplenet", "widenet", "ressimplenet", "efficientnetv2",
                "mobilenetv2_075", "unet_large");
    }

    static ReferenceCase conformance(String name) {
        return LOADED.computeIfAbsent("conformance/" + name, key -> loadConformance(name));
    }

    static ReferenceCase zoo(String name) {
        return LOADED.computeIfAbsent("zoo/" + name, key -> loadZoo(name));
    }

    private static ReferenceCase loadConformance(String name) {
        Path dir = sharedDir().resolve("conformance").resolve(name);
        return load(name, false, dir.resolve("expected/profile.json"), dir.resolve("network.yaml"));
    }

    private static ReferenceCase loadZoo(String name) {
        Path dir = sharedDir().resolve("zoo").resolve(name);
        return load(name, true, dir.resolve("profile.json"), dir.resolve("network.yaml"));
    }

    static List<ReferenceCase> allConformance() {
        return conformanceNames().stream().map(ReferenceCase::conformance).toList();
    }

    static List<ReferenceCase> allZoo() {
        return zooNames().stream().map(ReferenceCase::zoo).toList();
    }

    JsonNode layers() {
        return profile.get("layers");
    }

    JsonNode layer(int index) {
        return layers().get(index);
    }

    /** The per-layer mapping entries: conformance "hw", zoo "hw_max78000". */
    JsonNode hw(int index) {
        return layer(index).get(zoo ? "hw_max78000" : "hw");
    }

    /** Per-layer izer cycles (conformance "latency_cycles", zoo "latency_cycles_max78000"). */
    long cycles(int index) {
        return layer(index).get(zoo ? "latency_cycles_max78000" : "latency_cycles").asLong();
    }

    boolean fitsOneMax78000() {
        return !zoo || profile.get("fits_one_max78000").get("izer_full_model_run_ok").asBoolean();
    }

    @Override
    public String toString() {
        return name;
    }

    private static ReferenceCase load(String name, boolean zoo, Path profilePath, Path yamlPath) {
        try {
            JsonNode profile = JSON.readTree(profilePath.toFile());
            return new ReferenceCase(name, zoo, profile, Ai8xProfiles.network(name, yamlPath, profile));
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot load reference case " + name + ": " + e.getMessage(), e);
        }
    }

    static Shape shape(JsonNode dims) {
        int[] d = new int[dims.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = dims.get(i).asInt();
        }
        return Shape.of(d);
    }

    static long mask(Object value) {
        if (value instanceof Number n) {
            return n instanceof BigInteger big ? big.longValue() : n.longValue();
        }
        String s = value.toString().trim().toLowerCase(Locale.ROOT).replace("_", "");
        return new BigInteger(s.startsWith("0x") ? s.substring(2) : s, s.startsWith("0x") ? 16 : 10).longValue();
    }
}
