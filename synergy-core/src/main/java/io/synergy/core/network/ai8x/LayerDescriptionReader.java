package io.synergy.core.network.ai8x;

import io.synergy.core.network.Activation;
import io.synergy.core.network.DataFormat;
import io.synergy.core.network.ElementwiseOp;
import io.synergy.core.network.Operation;
import io.synergy.core.network.Pooling;
import io.synergy.core.network.ProcessorMapping;
import io.synergy.core.network.Window;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Interprets one {@code layers:} entry of an izer network description. Keys are read in the order
 * the izer reads them (ai8x-synthesis {@code izer/yamlcfg.py}, {@code parse}), because some defaults
 * depend on earlier keys: the operation sets the default padding and kernel, pooling forbids a
 * stride, conv1d forces the second dimension of every window. Checks the izer makes later in
 * {@code izer/izer.py} that need no tensor shapes (padding against kernel, activation or padding on
 * a passthrough layer, streaming order, CHW only on layer 0) are made here too, so a description
 * that parses is one the izer would accept.
 */
final class LayerDescriptionReader {

    /** Keys this importer understands, in the izer's spelling (synonyms included). */
    static final Set<String> SUPPORTED_KEYS = Set.of(
            "name", "op", "operation", "operator", "convolution", "activate", "activation",
            "kernel_size", "pad", "stride", "dilation", "groups", "conv_groups", "output_pad",
            "max_pool", "avg_pool", "pool_stride", "pool_first", "eltwise", "operands",
            "in_sequences", "flatten", "output_width", "output", "data_format", "streaming",
            "processors", "output_processors", "in_offset", "out_offset", "write_gap",
            "quantization", "output_shift", "out_channels");

    /**
     * Keys the izer knows but that this importer does not model (layer linking, data buffers,
     * explicit input reshaping, shared weights, placement hints): rejected rather than ignored, so
     * that no description is computed differently from the izer without saying so.
     */
    static final Set<String> UNSUPPORTED_IZER_KEYS = Set.of(
            "sequence", "next_sequence", "snoop_sequence", "simulated_sequence", "in_channels", "in_dim",
            "in_skip", "read_gap", "in_channel_skip", "in_crop", "bypass", "bias_group", "bias_quadrant",
            "calcx4", "readahead", "tcalc", "pool_dilation", "weight_source", "buffer_shift",
            "buffer_insert");

    private static final BigInteger MAX_PROCESSOR_MASK = BigInteger.ONE.shiftLeft(64);
    /** Sanity bound for offsets and gaps (data memory is 1,280 KiB at most). */
    private static final int MAX_OFFSET_BYTES = 1 << 24;

    private final String what;
    private final int index;
    private final Map<?, ?> entry;

    private Operation operation = Operation.CONV2D;
    private ElementwiseOp eltwise = ElementwiseOp.NONE;
    private int operands = 1;
    private Window padding = Window.square(1);
    private Window kernel = Window.square(3);
    private Window stride = Window.ONE;
    private Window dilation = Window.ONE;
    private Window outputPadding = Window.ZERO;
    private Pooling pooling = Pooling.NONE;
    private Window pool = Window.ONE;
    private Window poolStride = Window.ONE;

    private LayerDescriptionReader(String what, int index, Map<?, ?> entry) {
        this.what = what;
        this.index = index;
        this.entry = entry;
    }

    /** An entry whose {@code in_sequences} still holds names; {@link #resolve} turns them into indices. */
    record Draft(Ai8xLayerDescription description, List<Object> inSequences) {
    }

    static Draft read(String what, int index, Object entry) {
        if (!(entry instanceof Map<?, ?> map)) {
            throw new ModelImportException(what + ", layer " + index + ": must be a mapping of keys, got "
                    + describe(entry));
        }
        return new LayerDescriptionReader(what, index, map).read();
    }

    private Draft read() {
        checkKeys();
        long processors = processorMask("processors", true);
        long outputProcessors = processorMask("output_processors", false);
        readPooling();
        Integer weightBits = quantization();
        Integer outputShift = has("output_shift") ? intValue("output_shift", -64, 64) : null;
        Integer inOffset = has("in_offset") ? intValue("in_offset", 0, MAX_OFFSET_BYTES) : null;
        int outOffset = has("out_offset") ? intValue("out_offset", 0, MAX_OFFSET_BYTES) : 0;
        Integer outputChannels = has("out_channels") ? intValue("out_channels", 1, 1 << 16) : null;
        Activation activation = activation();
        readOperation();
        if (has("pad")) {
            padding = Window.square(intValue("pad", 0, 64));
        }
        if (has("dilation")) {
            if (operation == Operation.PASSTHROUGH) {
                throw error("dilation", "requires a convolution, but the operation is " + opName());
            }
            dilation = window("dilation", 1, 64);
        }
        readEltwise();
        boolean poolFirst = !has("pool_first") || bool("pool_first");
        readOperands();
        DataFormat dataFormat = dataFormat();
        int outputWidth = 8;
        if (has("output_width")) {
            outputWidth = intValue("output_width", 8, 32);
            if (outputWidth != 8 && outputWidth != 32) {
                throw error("output_width", "must be 8 or 32, got " + outputWidth);
            }
        }
        readKernel();
        readStride();
        boolean streaming = has("streaming") && bool("streaming");
        boolean flatten = has("flatten") && bool("flatten");
        List<Object> inSequences = inSequences();
        int groups = groups();
        int writeGap = has("write_gap") ? intValue("write_gap", 0, MAX_OFFSET_BYTES) : 0;
        if (has("output_pad")) {
            outputPadding = Window.square(intValue("output_pad", 0, 64));
        } else if (operation == Operation.CONV_TRANSPOSE2D) {
            outputPadding = Window.ONE; // the izer's default for ConvTranspose2d
        }
        boolean output = has("output") && bool("output");
        String name = has("name") ? name() : null;
        fixUpForOperation();
        checkCombination(activation, poolFirst, dataFormat);

        ProcessorMapping mapping = new ProcessorMapping(processors, outputProcessors,
                inOffset == null ? ProcessorMapping.UNSET : inOffset, outOffset, writeGap);
        Ai8xLayerDescription description = new Ai8xLayerDescription(index, name, operation, List.of(), eltwise,
                operands, poolFirst, pooling, pool, poolStride, kernel, padding, stride, dilation, outputPadding,
                groups, flatten, outputWidth, activation, output, streaming, dataFormat, mapping, weightBits,
                outputShift, outputChannels);
        return new Draft(description, inSequences);
    }

    private void checkKeys() {
        for (Object key : entry.keySet()) {
            String k = String.valueOf(key);
            if (SUPPORTED_KEYS.contains(k)) {
                continue;
            }
            if (UNSUPPORTED_IZER_KEYS.contains(k)) {
                throw error(k, "is an izer option this importer does not support; supported keys: "
                        + new TreeSet<>(SUPPORTED_KEYS));
            }
            throw error(k, "is not a known key; allowed: " + new TreeSet<>(SUPPORTED_KEYS));
        }
        duplicate("activate", "activation");
        duplicate("groups", "conv_groups");
        duplicate("max_pool", "avg_pool");
        List<String> ops = new ArrayList<>();
        for (String k : List.of("convolution", "operation", "operator", "op")) {
            if (has(k)) {
                ops.add(k);
            }
        }
        if (ops.size() > 1) {
            throw error(ops.get(1), "names the operation a second time (also given as '" + ops.get(0)
                    + "'); give one of convolution/operation/operator/op");
        }
    }

    private void duplicate(String a, String b) {
        if (has(a) && has(b)) {
            throw error(b, "duplicates '" + a + "'; give only one of them");
        }
    }

    private long processorMask(String key, boolean required) {
        if (!has(key)) {
            if (required) {
                throw error(key, "is required (a 64-bit mask of the processors reading the layer's input)");
            }
            return 0L;
        }
        Object value = entry.get(key);
        BigInteger mask = null;
        if (value instanceof BigInteger i) {
            mask = i;
        } else if (value instanceof String s) {
            // The izer also accepts a hex string, with '.' and '_' as digit separators.
            try {
                mask = new BigInteger(s.replace(".", "").replace("_", "").replaceFirst("^0[xX]", ""), 16);
            } catch (NumberFormatException e) {
                mask = null;
            }
        }
        if (mask == null || mask.signum() <= 0 || mask.compareTo(MAX_PROCESSOR_MASK) >= 0) {
            throw error(key, "must be an integer from 1 to 2**64-1 (or a hex string), got " + describe(value));
        }
        return mask.longValue(); // the unsigned 64-bit pattern
    }

    private void readPooling() {
        String poolKey = has("max_pool") ? "max_pool" : has("avg_pool") ? "avg_pool" : null;
        if (poolKey != null) {
            pooling = poolKey.equals("max_pool") ? Pooling.MAX : Pooling.AVG;
            pool = window(poolKey, 1, 64);
        }
        if (has("pool_stride")) {
            if (pooling == Pooling.NONE) {
                throw error("pool_stride", "requires max_pool or avg_pool in the same layer");
            }
            poolStride = window("pool_stride", 1, 64);
        }
        // Without pool_stride the izer uses a stride of 1 (and warns).
    }

    private Integer quantization() {
        if (!has("quantization")) {
            return null;
        }
        Object value = entry.get("quantization");
        if (value instanceof String s && Set.of("bin", "binary").contains(s.toLowerCase(Locale.ROOT))) {
            throw error("quantization", "binary (+1/-1) weights are not supported; allowed: 1, 2, 4, 8");
        }
        int bits = intValue("quantization", 1, 8);
        if (Integer.bitCount(bits) != 1) {
            throw error("quantization", "must be 1, 2, 4 or 8, got " + bits);
        }
        return bits;
    }

    private Activation activation() {
        String key = has("activate") ? "activate" : has("activation") ? "activation" : null;
        if (key == null) {
            return Activation.NONE; // the izer's default: no activation
        }
        switch (string(key).toLowerCase(Locale.ROOT)) {
            case "relu":
                return Activation.RELU;
            case "abs":
                return Activation.ABS;
            case "none":
                return Activation.NONE;
            default:
                throw error(key, "must be ReLU, Abs or None, got " + describe(entry.get(key)));
        }
    }

    private void readOperation() {
        String key = null;
        for (String k : List.of("convolution", "operation", "operator", "op")) {
            if (has(k)) {
                key = k;
            }
        }
        if (key == null) {
            return; // the izer defaults to Conv2d (and warns)
        }
        String value = string(key).toLowerCase(Locale.ROOT);
        switch (value) {
            case "conv1d":
                operation = Operation.CONV1D;
                break;
            case "conv2d":
                operation = Operation.CONV2D;
                break;
            case "convtranspose2d":
                operation = Operation.CONV_TRANSPOSE2D;
                break;
            case "none":
            case "passthrough":
                operation = Operation.PASSTHROUGH;
                padding = Window.ZERO;
                break;
            case "add":
            case "sub":
            case "or":
            case "bitwiseor":
            case "bitwise_or":
            case "xor":
            case "bitwisexor":
            case "bitwise_xor":
                operation = Operation.PASSTHROUGH;
                eltwise = elementwise(value.replace("bitwise", "").replace("_", ""));
                operands = 2;
                padding = Window.ZERO;
                break;
            case "linear":
            case "fc":
            case "mlp":
                operation = Operation.LINEAR; // the izer emulates it as a 1x1 convolution on 1x1 data
                kernel = Window.ONE;
                padding = Window.ZERO;
                break;
            default:
                throw error(key, "must be one of conv1d, conv2d, convtranspose2d, none, passthrough, add, sub, "
                        + "or, xor, linear, fc, mlp (any case), got " + describe(entry.get(key)));
        }
    }

    private static ElementwiseOp elementwise(String op) {
        switch (op) {
            case "add":
                return ElementwiseOp.ADD;
            case "sub":
                return ElementwiseOp.SUB;
            case "or":
                return ElementwiseOp.OR;
            case "xor":
                return ElementwiseOp.XOR;
            default:
                return null;
        }
    }

    private void readEltwise() {
        if (!has("eltwise")) {
            return;
        }
        ElementwiseOp op = elementwise(string("eltwise").toLowerCase(Locale.ROOT));
        if (op == null) {
            throw error("eltwise", "must be add, sub, or or xor, got " + describe(entry.get("eltwise")));
        }
        eltwise = op;
        operands = 2;
    }

    private void readOperands() {
        if (!has("operands")) {
            return;
        }
        if (eltwise == ElementwiseOp.NONE) {
            throw error("operands", "can only be used with an element-wise operation (eltwise)");
        }
        operands = intValue("operands", 2, 16);
    }

    private DataFormat dataFormat() {
        if (!has("data_format")) {
            return null;
        }
        String value = string("data_format").toLowerCase(Locale.ROOT);
        if (value.equals("chw") || value.equals("big")) {
            return DataFormat.CHW;
        }
        if (value.equals("hwc") || value.equals("little")) {
            return DataFormat.HWC;
        }
        throw error("data_format", "must be CHW (big) or HWC (little), got " + describe(entry.get("data_format")));
    }

    private void readKernel() {
        if (!has("kernel_size")) {
            if (operation == Operation.CONV1D) {
                kernel = new Window(9, 1); // the izer's default 1-D kernel
            }
            return;
        }
        if (operation == Operation.LINEAR) {
            throw error("kernel_size", "cannot be configured for a fully connected (linear) layer");
        }
        Object raw = entry.get("kernel_size");
        if (!(raw instanceof String) && !(raw instanceof BigInteger)) {
            throw error("kernel_size", "must be a string such as 3x3 or an integer, got " + describe(raw));
        }
        String value = String.valueOf(raw).toLowerCase(Locale.ROOT);
        if (operation == Operation.CONV2D || operation == Operation.CONV_TRANSPOSE2D) {
            List<String> allowed = operation == Operation.CONV2D ? List.of("1x1", "3x3") : List.of("3x3");
            if (!allowed.contains(value)) {
                throw error("kernel_size", "must be one of " + allowed + " for " + opName() + ", got "
                        + describe(raw));
            }
            kernel = Window.square(value.charAt(0) - '0');
            return;
        }
        int size;
        try {
            size = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            size = 0;
        }
        if (size < 1 || size > 9) {
            throw error("kernel_size", "must be an integer from 1 to 9 for " + opName() + ", got " + describe(raw));
        }
        kernel = new Window(size, 1);
    }

    private void readStride() {
        if (operation == Operation.CONV_TRANSPOSE2D) {
            stride = Window.square(2); // fixed by the hardware's upsampling
        }
        if (!has("stride")) {
            return;
        }
        Window value = window("stride", 1, 64);
        if (value.height() != value.width()) {
            throw error("stride", "values must be equal in both dimensions, got " + value);
        }
        int s = value.height();
        if (pooling != Pooling.NONE) {
            if (s != 1) {
                throw error("stride", "must be 1 (the default) when the layer pools, got " + s);
            }
            return;
        }
        if (operation == Operation.CONV_TRANSPOSE2D && s != 2) {
            throw error("stride", "is fixed to 2 for convtranspose2d, got " + s);
        }
        // izer/izer.py: two-dimensional operators other than ConvTranspose2d only run with stride 1.
        if (s != 1 && (operation == Operation.CONV2D || operation == Operation.LINEAR
                || operation == Operation.PASSTHROUGH)) {
            throw error("stride", "must be 1 for " + opName() + ", got " + s);
        }
        stride = Window.square(s);
    }

    private List<Object> inSequences() {
        if (!has("in_sequences")) {
            return List.of();
        }
        Object value = entry.get("in_sequences");
        List<?> items = value instanceof List<?> list ? list : List.of(value == null ? "" : value);
        if (items.isEmpty()) {
            throw error("in_sequences", "must name at least one layer");
        }
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof BigInteger i) {
                if (i.compareTo(BigInteger.valueOf(-1)) < 0 || i.compareTo(BigInteger.valueOf(index)) >= 0) {
                    throw error("in_sequences", "may name the input (-1) or earlier layers (0 to " + (index - 1)
                            + "), got " + i);
                }
                out.add(i.intValue());
            } else if (item instanceof String s && !s.isEmpty()) {
                out.add(s);
            } else {
                throw error("in_sequences", "entries must be layer indices or layer names, got " + describe(item));
            }
        }
        return out;
    }

    private int groups() {
        String key = has("groups") ? "groups" : has("conv_groups") ? "conv_groups" : null;
        if (key == null) {
            return 1;
        }
        int groups = intValue(key, 1, 1 << 16);
        if (groups > 1 && !(operation == Operation.CONV1D || operation == Operation.CONV2D
                || operation == Operation.CONV_TRANSPOSE2D)) {
            throw error(key, "grouped (depthwise) operation needs a convolution, but the operation is " + opName());
        }
        return groups;
    }

    private String name() {
        Object value = entry.get("name");
        if (!(value instanceof String s) || s.isEmpty()) {
            throw error("name", "must be a non-empty string, got " + describe(value));
        }
        if (s.equalsIgnoreCase("stop") || s.equalsIgnoreCase("input")) {
            throw error("name", "'" + s + "' is reserved by the izer");
        }
        return s;
    }

    /** izer/yamlcfg.py: the last step of a layer forces the extents a 1-D or passthrough layer ignores. */
    private void fixUpForOperation() {
        if (operation == Operation.CONV1D) {
            padding = new Window(padding.height(), 0);
            pool = new Window(pool.height(), 1);
            poolStride = new Window(poolStride.height(), 1);
            stride = new Window(stride.height(), 1);
            dilation = new Window(dilation.height(), 1);
        } else if (operation == Operation.PASSTHROUGH) {
            kernel = Window.ONE;
        }
    }

    private void checkCombination(Activation activation, boolean poolFirst, DataFormat dataFormat) {
        if (!poolFirst && (eltwise == ElementwiseOp.NONE || pooling == Pooling.NONE)) {
            throw error("pool_first", "false requires both pooling and an element-wise operation");
        }
        if (operation == Operation.PASSTHROUGH && activation != Activation.NONE) {
            throw error(has("activate") ? "activate" : "activation",
                    "a passthrough layer cannot have an activation, got " + activation);
        }
        if (operation == Operation.PASSTHROUGH && (padding.height() > 0 || padding.width() > 0)) {
            throw error("pad", "padding needs a convolution, but the operation is " + opName());
        }
        if (padding.height() >= kernel.height() || padding.width() >= kernel.width()) {
            throw error(has("pad") ? "pad" : "kernel_size", "padding " + padding + " must be smaller than the kernel "
                    + kernel);
        }
        if (operation != Operation.CONV1D && operation != Operation.PASSTHROUGH
                && poolStride.height() != poolStride.width()) {
            throw error("pool_stride", opName() + " needs a square pooling stride, got " + poolStride);
        }
        if (dataFormat == DataFormat.CHW && index != 0) {
            throw error("data_format", "CHW can only be configured for the first layer");
        }
    }

    // ---- value access --------------------------------------------------------------------------

    private boolean has(String key) {
        return entry.containsKey(key);
    }

    private String string(String key) {
        Object value = entry.get(key);
        if (!(value instanceof String s)) {
            throw error(key, "must be a string, got " + describe(value));
        }
        return s;
    }

    private boolean bool(String key) {
        Object value = entry.get(key);
        if (!(value instanceof Boolean b)) {
            throw error(key, "must be true or false, got " + describe(value));
        }
        return b;
    }

    private int intValue(String key, int min, int max) {
        return toInt(key, entry.get(key), min, max);
    }

    private int toInt(String key, Object value, int min, int max) {
        if (!(value instanceof BigInteger i) || i.compareTo(BigInteger.valueOf(min)) < 0
                || i.compareTo(BigInteger.valueOf(max)) > 0) {
            throw error(key, "must be an integer from " + min + " to " + max + ", got " + describe(value));
        }
        return i.intValue();
    }

    /** A scalar n means n x n; a list [h, w] gives both. */
    private Window window(String key, int min, int max) {
        Object value = entry.get(key);
        if (value instanceof List<?> list) {
            if (list.size() != 2) {
                throw error(key, "a list must have two entries [height, width], got " + describe(value));
            }
            return new Window(toInt(key, list.get(0), min, max), toInt(key, list.get(1), min, max));
        }
        return Window.square(toInt(key, value, min, max));
    }

    private String opName() {
        return operation.name().toLowerCase(Locale.ROOT).replace("_", "");
    }

    private ModelImportException error(String key, String message) {
        return new ModelImportException(what + ", layer " + index + ": key '" + key + "' " + message);
    }

    static String describe(Object value) {
        if (value == null) {
            return "nothing (null)";
        }
        if (value instanceof String) {
            return "'" + value + "'";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        return String.valueOf(value);
    }
}
