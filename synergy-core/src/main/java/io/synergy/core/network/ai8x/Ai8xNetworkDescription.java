package io.synergy.core.network.ai8x;

import io.synergy.core.network.DataFormat;
import io.synergy.core.network.Layer;
import io.synergy.core.network.Network;
import io.synergy.core.network.Operation;
import io.synergy.core.network.Pooling;
import io.synergy.core.network.Window;
import io.synergy.core.tensor.Shape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An izer network description (the {@code network.yaml} of ai8x-synthesis): the model's
 * {@code arch}, its {@code dataset} and its layers with the izer's defaults applied. Turning it into
 * a {@link Network} needs what only the checkpoint knows, per layer with weights: a
 * {@link LayerCompletion}, plus the input shape.
 */
public record Ai8xNetworkDescription(String arch, String dataset, List<Ai8xLayerDescription> layers) {

    /** Top-level keys the izer reads and this importer supports. */
    static final Set<String> SUPPORTED_KEYS = Set.of("arch", "dataset", "layers");

    /** Top-level izer keys for test weights, custom unloading and data buffers: not supported. */
    static final Set<String> UNSUPPORTED_IZER_KEYS = Set.of("bias", "weights", "unload", "output_map", "snoop",
            "data_buffer");

    /** More layers than any MAX7800x runs (MAX78002: 128) is certainly not a network description. */
    public static final int MAX_LAYERS = 1024;

    public Ai8xNetworkDescription {
        layers = List.copyOf(layers);
    }

    /** Parses the text of a network description; {@code ModelImportException} names what is wrong. */
    public static Ai8xNetworkDescription parse(String yaml) {
        return parse(yaml, "network description");
    }

    /** Reads a network description file (UTF-8). */
    public static Ai8xNetworkDescription read(Path file) {
        try {
            if (Files.size(file) > 4L * Yaml11Values.MAX_CODE_POINTS) {
                throw new ModelImportException(file + ": larger than " + 4L * Yaml11Values.MAX_CODE_POINTS + " bytes");
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new ModelImportException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    static Ai8xNetworkDescription parse(String yaml, String what) {
        Object root = Yaml11Values.read(yaml, what);
        if (!(root instanceof Map<?, ?> top)) {
            throw new ModelImportException(what + ": must be a mapping with arch, dataset and layers, got "
                    + LayerDescriptionReader.describe(root));
        }
        for (Object key : top.keySet()) {
            String k = String.valueOf(key);
            if (UNSUPPORTED_IZER_KEYS.contains(k)) {
                throw new ModelImportException(what + ": key '" + k + "' is an izer option this importer does not "
                        + "support; allowed: " + new TreeSet<>(SUPPORTED_KEYS));
            }
            if (!SUPPORTED_KEYS.contains(k)) {
                throw new ModelImportException(what + ": key '" + k + "' is not a known key; allowed: "
                        + new TreeSet<>(SUPPORTED_KEYS));
            }
        }
        String arch = text(top, "arch", what);
        String dataset = text(top, "dataset", what);
        if (!(top.get("layers") instanceof List<?> entries) || entries.isEmpty()) {
            throw new ModelImportException(what + ": key 'layers' must be a non-empty list of layers, got "
                    + LayerDescriptionReader.describe(top.get("layers")));
        }
        if (entries.size() > MAX_LAYERS) {
            throw new ModelImportException(what + ": key 'layers' has " + entries.size() + " layers, more than the "
                    + MAX_LAYERS + " allowed");
        }
        List<LayerDescriptionReader.Draft> drafts = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            LayerDescriptionReader.Draft draft = LayerDescriptionReader.read(what, i, entries.get(i));
            String name = draft.description().name();
            if (name != null && names.putIfAbsent(name.toLowerCase(Locale.ROOT), i) != null) {
                throw new ModelImportException(what + ", layer " + i + ": key 'name' '" + name
                        + "' is already the name of layer " + names.get(name.toLowerCase(Locale.ROOT)));
            }
            drafts.add(draft);
        }
        List<Ai8xLayerDescription> layers = new ArrayList<>();
        for (LayerDescriptionReader.Draft draft : drafts) {
            layers.add(resolve(draft, names, what));
        }
        checkStreaming(layers, what);
        return new Ai8xNetworkDescription(arch, dataset, layers);
    }

    private static String text(Map<?, ?> top, String key, String what) {
        if (!(top.get(key) instanceof String s) || s.isBlank()) {
            throw new ModelImportException(what + ": key '" + key + "' is required and must be a string, got "
                    + LayerDescriptionReader.describe(top.get(key)));
        }
        return s;
    }

    /** izer/names.py {@code find_layer}: names match case-insensitively; "input" is the network input. */
    private static Ai8xLayerDescription resolve(LayerDescriptionReader.Draft draft, Map<String, Integer> names,
                                                String what) {
        Ai8xLayerDescription d = draft.description();
        List<Integer> sources = new ArrayList<>();
        for (Object item : draft.inSequences()) {
            int source;
            if (item instanceof Integer i) {
                source = i;
            } else {
                String name = ((String) item).toLowerCase(Locale.ROOT);
                Integer found = name.equals("input") ? Integer.valueOf(Layer.NETWORK_INPUT) : names.get(name);
                if (found == null) {
                    throw new ModelImportException(what + ", layer " + d.index() + ": key 'in_sequences' names '"
                            + item + "', which is no layer's name; names: " + new TreeSet<>(names.keySet()));
                }
                source = found;
            }
            if (source >= d.index()) {
                throw new ModelImportException(what + ", layer " + d.index() + ": key 'in_sequences' may name the "
                        + "input or earlier layers only, got '" + item + "' (layer " + source + ")");
            }
            sources.add(source);
        }
        return new Ai8xLayerDescription(d.index(), d.name(), d.operation(), sources, d.eltwise(), d.operands(),
                d.poolFirst(), d.pooling(), d.pool(), d.poolStride(), d.kernel(), d.padding(), d.stride(),
                d.dilation(), d.outputPadding(), d.convGroups(), d.flatten(), d.outputWidth(), d.activation(),
                d.output(), d.streaming(), d.dataFormat(), d.mapping(), d.weightBits(), d.outputShift(),
                d.outputChannels());
    }

    /** izer/izer.py: a streaming layer must follow a streaming layer. */
    private static void checkStreaming(List<Ai8xLayerDescription> layers, String what) {
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).streaming() && !layers.get(i - 1).streaming()) {
                throw new ModelImportException(what + ", layer " + i + ": key 'streaming' is true, but layer "
                        + (i - 1) + " before it is not streaming");
            }
        }
    }

    /** How the input is laid out: layer 0's {@code data_format}, HWC when absent (the izer's default). */
    public DataFormat inputFormat() {
        DataFormat format = layers.get(0).dataFormat();
        return format == null ? DataFormat.HWC : format;
    }

    /** Indices of the layers that carry weights, in order: the layers checkpoint weights are assigned to. */
    public List<Integer> weightLayers() {
        return layers.stream().filter(Ai8xLayerDescription::hasWeights).map(Ai8xLayerDescription::index).toList();
    }

    /**
     * The network this description defines, once the checkpoint has said what it lacks.
     *
     * @param name        the network's name
     * @param inputShape  C x H x W (C x L as C x L x 1 for 1-D networks)
     * @param completions one entry per layer, aligned with {@link #layers()}: non-null exactly for
     *                    the layers with weights
     * @throws ModelImportException when a completion is missing, disagrees with the description, or
     *                              the layers' shapes do not fit together
     */
    public Network toNetwork(String name, Shape inputShape, List<LayerCompletion> completions) {
        String what = "network " + name;
        if (completions.size() != layers.size()) {
            throw new ModelImportException(what + ": " + layers.size() + " layers but " + completions.size()
                    + " completions");
        }
        List<Layer> built = new ArrayList<>();
        List<Integer> channels = new ArrayList<>();
        try {
            for (Ai8xLayerDescription d : layers) {
                LayerCompletion c = completions.get(d.index());
                int inChannels = inputChannels(d, inputShape, channels, what);
                Layer.Builder b = Layer.builder(d.index(), d.operation())
                        .name(d.name()).inSequences(d.inSequences()).eltwise(d.eltwise(), d.operands())
                        .poolFirst(d.poolFirst())
                        .pooling(d.pooling(), d.pool(), d.poolStride())
                        .kernel(d.kernel()).padding(d.padding()).stride(d.stride()).dilation(d.dilation())
                        .outputPadding(d.outputPadding()).convGroups(d.convGroups()).flatten(d.flatten())
                        .outputWidth(d.outputWidth()).activation(d.activation()).output(d.output())
                        .mapping(d.mapping());
                if (d.hasWeights()) {
                    if (c == null) {
                        throw new ModelImportException(what + ", layer " + d.index() + ": a " + d.operation()
                                + " layer needs its output channels, weight bits, bias and shift");
                    }
                    checkOverrides(d, c, what);
                    b.outputChannels(c.outputChannels()).weightBits(c.weightBits()).bias(c.bias())
                            .outputShift(c.outputShift());
                    channels.add(c.outputChannels());
                } else {
                    if (c != null) {
                        throw new ModelImportException(what + ", layer " + d.index() + ": a passthrough layer has no "
                                + "weights to complete, but a completion was given");
                    }
                    b.outputChannels(inChannels).weightBits(0).bias(false);
                    channels.add(inChannels);
                    oneDimensionalPooling(d, b, inputShape, built, name);
                }
                built.add(b.build());
            }
            return new Network(name, inputShape, inputFormat(), built);
        } catch (ModelImportException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ModelImportException(what + ": " + e.getMessage(), e);
        }
    }

    /** Channels after input selection and element-wise combination (one operand's channels). */
    private static int inputChannels(Ai8xLayerDescription d, Shape inputShape, List<Integer> channels, String what) {
        List<Integer> sources = d.inSequences().isEmpty() ? List.of(d.index() - 1) : d.inSequences();
        int sum = 0;
        for (int s : sources) {
            sum += s == Layer.NETWORK_INPUT ? inputShape.channels() : channels.get(s);
        }
        if (sum % d.operands() != 0) {
            throw new ModelImportException(what + ", layer " + d.index() + ": " + sum + " input channels do not "
                    + "split into " + d.operands() + " element-wise operands");
        }
        return sum / d.operands();
    }

    private static void checkOverrides(Ai8xLayerDescription d, LayerCompletion c, String what) {
        if (d.outputChannels() != null && d.outputChannels() != c.outputChannels()) {
            throw new ModelImportException(what + ", layer " + d.index() + ": out_channels is " + d.outputChannels()
                    + " in the description, but the weights give " + c.outputChannels());
        }
        if (d.weightBits() != null && d.weightBits() != c.weightBits()) {
            throw new ModelImportException(what + ", layer " + d.index() + ": quantization is " + d.weightBits()
                    + " in the description, but the completion gives " + c.weightBits() + "-bit weights");
        }
    }

    /**
     * izer/izer.py: a passthrough layer on one-dimensional data (input width 1) pools along its
     * length only, so the window and step lose their second dimension.
     */
    private static void oneDimensionalPooling(Ai8xLayerDescription d, Layer.Builder b, Shape inputShape,
                                              List<Layer> earlier, String name) {
        if (d.pooling() == Pooling.NONE || d.operation() != Operation.PASSTHROUGH) {
            return;
        }
        int source = d.inSequences().isEmpty() ? d.index() - 1 : d.inSequences().get(0);
        Shape in = source == Layer.NETWORK_INPUT ? inputShape
                : new Network(name, inputShape, DataFormat.HWC, earlier).geometry(source).output();
        if (in.width() == 1) {
            b.pooling(d.pooling(), new Window(d.pool().height(), 1), new Window(d.poolStride().height(), 1));
        }
    }
}
