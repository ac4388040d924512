package io.synergy.core.network.pack;

import io.synergy.core.network.Activation;
import io.synergy.core.network.DataFormat;
import io.synergy.core.network.ElementwiseOp;
import io.synergy.core.network.Layer;
import io.synergy.core.network.LayerParameters;
import io.synergy.core.network.Model;
import io.synergy.core.network.Network;
import io.synergy.core.network.Operation;
import io.synergy.core.network.Pooling;
import io.synergy.core.network.ProcessorMapping;
import io.synergy.core.network.Window;
import io.synergy.core.tensor.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds a model from a package's manifest and blob, checking every field's type and range and
 * that the blob regions tile the blob in layer order (weights, then bias) with nothing left over.
 * Unknown fields are refused unless the package has a newer minor version, whose additions this
 * reader may skip.
 */
final class ManifestReader {

    private static final Set<String> TOP_FIELDS = Set.of("format", "name", "input", "layers");
    private static final Set<String> INPUT_FIELDS = Set.of("shape", "format");
    private static final Set<String> LAYER_FIELDS = Set.of("index", "name", "operation", "inSequences", "eltwise",
            "operands", "poolFirst", "pooling", "pool", "poolStride", "kernel", "padding", "stride", "dilation",
            "outputPadding", "convGroups", "flatten", "outputChannels", "weightBits", "bias", "outputShift",
            "outputWidth", "activation", "output", "mapping", "weights", "biasValues");
    private static final Set<String> MAPPING_FIELDS = Set.of("processors", "outputProcessors", "inOffset",
            "outOffset", "writeGap");
    private static final Set<String> REGION_FIELDS = Set.of("offset", "count");
    private static final Pattern MASK = Pattern.compile("0x[0-9a-fA-F]{1,16}");
    /** Sanity bound on extents, channels and offsets: far above any MAX7800x figure. */
    private static final int MAX_EXTENT = 1 << 16;

    private final JsonMapper json;
    private final PackageLimits limits;
    private final boolean newerMinor;
    private int nextOffset;

    ManifestReader(JsonMapper json, PackageLimits limits, boolean newerMinor) {
        this.json = json;
        this.limits = limits;
        this.newerMinor = newerMinor;
    }

    Model read(byte[] manifest, byte[] blob) {
        JsonNode root;
        try {
            root = json.readTree(manifest);
        } catch (JacksonException e) {
            throw new MalformedModelPackageException("model package: manifest is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        String at = "model package manifest";
        object(root, at, TOP_FIELDS);
        String format = string(root, "format", at);
        if (!format.equals(ModelPackage.FORMAT)) {
            throw fail(at, "format", "must be '" + ModelPackage.FORMAT + "', got '" + format + "'");
        }
        String name = string(root, "name", at);
        JsonNode input = field(root, "input", at);
        object(input, at + ", input", INPUT_FIELDS);
        int[] dims = ints(field(input, "shape", at + ", input"), at + ", input", "shape", 1, MAX_EXTENT);
        if (dims.length != 3) {
            throw fail(at + ", input", "shape", "must be [C, H, W], got " + Arrays.toString(dims));
        }
        DataFormat inputFormat = enumValue(input, "format", at + ", input", DataFormat.class);
        JsonNode layerArray = field(root, "layers", at);
        if (!layerArray.isArray() || layerArray.isEmpty() || layerArray.size() > limits.maxLayers()) {
            throw fail(at, "layers", "must be an array of 1 to " + limits.maxLayers() + " layers");
        }
        List<Layer> layers = new ArrayList<>();
        List<LayerParameters> parameters = new ArrayList<>();
        try {
            for (int i = 0; i < layerArray.size(); i++) {
                JsonNode l = layerArray.get(i);
                String where = at + ", layer " + i;
                object(l, where, LAYER_FIELDS);
                Layer layer = layer(l, where);
                if (layer.index() != i) {
                    throw fail(where, "index", "must be " + i + ", got " + layer.index());
                }
                layers.add(layer);
                parameters.add(parameters(l, layer, blob, where));
            }
            if (nextOffset != blob.length) {
                throw new MalformedModelPackageException("model package: the layers use " + nextOffset + " of the blob's "
                        + blob.length + " bytes");
            }
            Network network = new Network(name, new Shape(dims[0], dims[1], dims[2]), inputFormat, layers);
            return new Model(network, parameters);
        } catch (MalformedModelPackageException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new MalformedModelPackageException("model package: inconsistent model: " + e.getMessage(), e);
        }
    }

    private Layer layer(JsonNode l, String at) {
        int index = integer(l, "index", at, 0, limits.maxLayers() - 1);
        Operation operation = enumValue(l, "operation", at, Operation.class);
        JsonNode nameNode = field(l, "name", at);
        if (!nameNode.isNull() && !nameNode.isString()) {
            throw fail(at, "name", "must be a string or null");
        }
        List<Integer> inSequences = new ArrayList<>();
        for (int s : ints(field(l, "inSequences", at), at, "inSequences", Layer.NETWORK_INPUT, limits.maxLayers())) {
            inSequences.add(s);
        }
        JsonNode m = field(l, "mapping", at);
        object(m, at + ", mapping", MAPPING_FIELDS);
        ProcessorMapping mapping = new ProcessorMapping(mask(m, "processors", at), mask(m, "outputProcessors", at),
                integer(m, "inOffset", at + ", mapping", ProcessorMapping.UNSET, Integer.MAX_VALUE),
                integer(m, "outOffset", at + ", mapping", ProcessorMapping.UNSET, Integer.MAX_VALUE),
                integer(m, "writeGap", at + ", mapping", 0, Integer.MAX_VALUE));
        return Layer.builder(index, operation)
                .name(nameNode.isNull() ? null : nameNode.stringValue())
                .inSequences(inSequences)
                .eltwise(enumValue(l, "eltwise", at, ElementwiseOp.class), integer(l, "operands", at, 1, 16))
                .poolFirst(bool(l, "poolFirst", at))
                .pooling(enumValue(l, "pooling", at, Pooling.class), window(l, "pool", at), window(l, "poolStride", at))
                .kernel(window(l, "kernel", at))
                .padding(window(l, "padding", at))
                .stride(window(l, "stride", at))
                .dilation(window(l, "dilation", at))
                .outputPadding(window(l, "outputPadding", at))
                .convGroups(integer(l, "convGroups", at, 1, MAX_EXTENT))
                .flatten(bool(l, "flatten", at))
                .outputChannels(integer(l, "outputChannels", at, 1, MAX_EXTENT))
                .weightBits(integer(l, "weightBits", at, 0, 8))
                .bias(bool(l, "bias", at))
                .outputShift(integer(l, "outputShift", at, -15, 15))
                .outputWidth(integer(l, "outputWidth", at, 8, 32))
                .activation(enumValue(l, "activation", at, Activation.class))
                .output(bool(l, "output", at))
                .mapping(mapping)
                .build();
    }

    /** The layer's weights and bias from their blob regions, which must follow on from the last. */
    private LayerParameters parameters(JsonNode l, Layer layer, byte[] blob, String at) {
        boolean hasWeights = l.has("weights");
        if (hasWeights != layer.hasWeights()) {
            throw fail(at, "weights", layer.hasWeights() ? "is required for a " + layer.operation() + " layer"
                    : "must be absent for a " + layer.operation() + " layer");
        }
        if (l.has("biasValues") != layer.bias()) {
            throw fail(at, "biasValues", layer.bias() ? "is required when bias is true" : "must be absent when bias is false");
        }
        if (!hasWeights) {
            return null;
        }
        byte[] weights = region(field(l, "weights", at), blob, at + ", weights");
        byte[] bias = layer.bias() ? region(field(l, "biasValues", at), blob, at + ", biasValues") : null;
        return new LayerParameters(weights, bias);
    }

    private byte[] region(JsonNode r, byte[] blob, String at) {
        object(r, at, REGION_FIELDS);
        int offset = integer(r, "offset", at, 0, Integer.MAX_VALUE);
        int count = integer(r, "count", at, 0, Integer.MAX_VALUE);
        if (offset != nextOffset) {
            throw fail(at, "offset", "must be " + nextOffset + " (regions follow each other in layer order), got "
                    + offset);
        }
        if ((long) offset + count > blob.length) {
            throw fail(at, "count", count + " bytes from offset " + offset + " pass the blob's end at " + blob.length);
        }
        nextOffset = offset + count;
        return Arrays.copyOfRange(blob, offset, offset + count);
    }

    // ---- typed field access ----------------------------------------------------------------------

    private void object(JsonNode node, String at, Set<String> known) {
        if (node == null || !node.isObject()) {
            throw new MalformedModelPackageException(at + ": must be a JSON object");
        }
        if (newerMinor) {
            return; // a newer minor version may add fields this reader does not know
        }
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                throw fail(at, name, "is not a field of format " + ModelPackage.MAJOR_VERSION + "."
                        + ModelPackage.MINOR_VERSION);
            }
        }
    }

    private static JsonNode field(JsonNode node, String name, String at) {
        JsonNode value = node.get(name);
        if (value == null) {
            throw fail(at, name, "is missing");
        }
        return value;
    }

    private static String string(JsonNode node, String name, String at) {
        JsonNode value = field(node, name, at);
        if (!value.isString()) {
            throw fail(at, name, "must be a string");
        }
        return value.stringValue();
    }

    private static boolean bool(JsonNode node, String name, String at) {
        JsonNode value = field(node, name, at);
        if (!value.isBoolean()) {
            throw fail(at, name, "must be true or false");
        }
        return value.booleanValue();
    }

    private static int integer(JsonNode node, String name, String at, int min, int max) {
        JsonNode value = field(node, name, at);
        return toInt(value, at, name, min, max);
    }

    private static int toInt(JsonNode value, String at, String name, int min, int max) {
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            throw fail(at, name, "must be an integer from " + min + " to " + max + ", got " + value);
        }
        return value.intValue();
    }

    private static int[] ints(JsonNode array, String at, String name, int min, int max) {
        if (!array.isArray() || array.size() > 64) {
            throw fail(at, name, "must be an array of at most 64 integers");
        }
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toInt(array.get(i), at, name, min, max);
        }
        return out;
    }

    private static Window window(JsonNode node, String name, String at) {
        int[] hw = ints(field(node, name, at), at, name, 0, MAX_EXTENT);
        if (hw.length != 2) {
            throw fail(at, name, "must be [height, width]");
        }
        return new Window(hw[0], hw[1]);
    }

    private static long mask(JsonNode node, String name, String at) {
        String value = string(node, name, at + ", mapping");
        if (!MASK.matcher(value).matches()) {
            throw fail(at + ", mapping", name, "must be 0x and 1 to 16 hex digits, got '" + value + "'");
        }
        return Long.parseUnsignedLong(value.substring(2), 16);
    }

    private static <E extends Enum<E>> E enumValue(JsonNode node, String name, String at, Class<E> type) {
        String value = string(node, name, at);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        throw fail(at, name, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", got '" + value + "'");
    }

    private static MalformedModelPackageException fail(String at, String field, String message) {
        return new MalformedModelPackageException(at + ": field '" + field + "' " + message);
    }
}
