package io.synergy.core.accelerator;

import io.synergy.core.network.Activation;
import io.synergy.core.network.DataFormat;
import io.synergy.core.network.ElementwiseOp;
import io.synergy.core.network.Layer;
import io.synergy.core.network.Network;
import io.synergy.core.network.Operation;
import io.synergy.core.network.Pooling;
import io.synergy.core.network.ProcessorMapping;
import io.synergy.core.network.Window;
import io.synergy.core.tensor.Shape;
import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One reference network of ../shared (a conformance case or a zoo model): its izer profile and a
 * {@link Network} built from it. Layer structure, channels, weight bits and bias presence come from
 * profile.json; the processor maps and pool_first, which the profile does not carry, from the
 * network.yaml next to it. Read-only; nothing is copied into the repository.
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

    @SuppressWarnings("unchecked")
    private static ReferenceCase load(String name, boolean zoo, Path profilePath, Path yamlPath) {
        try {
            JsonNode profile = JSON.readTree(profilePath.toFile());
            List<Map<String, Object>> yamlLayers;
            try (Reader reader = Files.newBufferedReader(yamlPath)) {
                Map<String, Object> yaml = (Map<String, Object>) new Load(LoadSettings.builder().build())
                        .loadFromReader(reader);
                yamlLayers = (List<Map<String, Object>>) yaml.get("layers");
            }
            return new ReferenceCase(name, zoo, profile, network(name, profile, yamlLayers));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read reference case " + name + ": " + e.getMessage(), e);
        }
    }

    private static Network network(String name, JsonNode profile, List<Map<String, Object>> yamlLayers) {
        JsonNode layers = profile.get("layers");
        List<Layer> result = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            result.add(layer(layers.get(i), yamlLayers.get(i)));
        }
        Object format = yamlLayers.get(0).get("data_format");
        DataFormat inputFormat = format != null && "CHW".equalsIgnoreCase(format.toString()) ? DataFormat.CHW
                : DataFormat.HWC;
        return new Network(name, shape(layers.get(0).get("input_shape")), inputFormat, result);
    }

    private static Layer layer(JsonNode p, Map<String, Object> yaml) {
        Operation op = operation(p.get("operation").asString());
        Layer.Builder b = Layer.builder(p.get("index").asInt(), op);
        if (!p.get("name").isNull()) {
            b.name(p.get("name").asString());
        }
        if (!p.get("in_sequences").isNull()) {
            List<Integer> sources = new ArrayList<>();
            p.get("in_sequences").forEach(n -> sources.add(n.asInt()));
            b.inSequences(sources);
        }
        if (!p.get("eltwise").isNull()) {
            b.eltwise(ElementwiseOp.valueOf(p.get("eltwise").asString().toUpperCase(Locale.ROOT)),
                    p.get("operands").asInt());
        }
        Object poolFirst = yaml.get("pool_first");
        b.poolFirst(poolFirst == null || Boolean.parseBoolean(poolFirst.toString()));
        if (!p.get("pool_type").isNull()) {
            Pooling type = Pooling.valueOf(p.get("pool_type").asString().toUpperCase(Locale.ROOT));
            b.pooling(type, window(p.get("pool"), 1), window(p.get("pool_stride"), 1));
        }
        b.kernel(window(p.get("kernel_size"), 1))
                .padding(window(p.get("padding"), 0))
                .stride(window(p.get("stride"), 1))
                .convGroups(p.get("conv_groups").asInt())
                .flatten(p.get("flatten").asBoolean())
                .outputChannels(p.get("output_shape").get(0).asInt())
                .outputWidth(p.get("output_width").asInt());
        if (p.has("dilation")) {
            b.dilation(window(p.get("dilation"), 1));
        }
        if (op == Operation.CONV_TRANSPOSE2D) {
            // The izer's default output padding for ConvTranspose2d is 1 (izer/yamlcfg.py).
            b.outputPadding(p.has("output_padding") ? window(p.get("output_padding"), 0) : Window.square(1));
        }
        if (op.hasWeights()) {
            b.weightBits(p.get("weight_bits").asInt()).bias(p.get("bias_count").asInt() > 0);
        }
        if (!p.path("activation").isNull() && !p.path("activation").isMissingNode()) {
            b.activation(Activation.valueOf(p.get("activation").asString().toUpperCase(Locale.ROOT)));
        }
        if (p.has("output_layer")) {
            b.output(p.get("output_layer").asBoolean());
        } else if (yaml.containsKey("output")) {
            b.output(Boolean.parseBoolean(yaml.get("output").toString()));
        }
        long processors = mask(yaml.get("processors"));
        long outputs = yaml.containsKey("output_processors") ? mask(yaml.get("output_processors")) : 0L;
        b.mapping(new ProcessorMapping(processors, outputs, ProcessorMapping.UNSET, ProcessorMapping.UNSET, 0));
        return b.build();
    }

    private static Operation operation(String name) {
        return switch (name) {
            case "conv1d" -> Operation.CONV1D;
            case "conv2d" -> Operation.CONV2D;
            case "convtranspose2d" -> Operation.CONV_TRANSPOSE2D;
            case "linear" -> Operation.LINEAR;
            case "passthrough" -> Operation.PASSTHROUGH;
            default -> throw new IllegalArgumentException("unknown operation " + name);
        };
    }

    /** [h, w], or [n] for 1-D layers: (n, filler) so that 1-D windows are n x 1 and paddings n x 0. */
    private static Window window(JsonNode values, int filler) {
        if (values.size() == 1) {
            return new Window(values.get(0).asInt(), filler);
        }
        return new Window(values.get(0).asInt(), values.get(1).asInt());
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
