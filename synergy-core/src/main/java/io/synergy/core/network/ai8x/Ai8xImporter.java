package io.synergy.core.network.ai8x;

import io.synergy.core.network.Layer;
import io.synergy.core.network.LayerGeometry;
import io.synergy.core.network.LayerParameters;
import io.synergy.core.network.Model;
import io.synergy.core.network.Network;
import io.synergy.core.network.Operation;
import io.synergy.core.tensor.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns an izer network description and a quantized checkpoint into a {@link Model}, assigning the
 * checkpoint to the layers exactly as the izer does (ai8x-synthesis {@code izer/checkpoint.py},
 * function {@code load}, and the range checks of {@code izer/izer.py}):
 *
 * <ul>
 *   <li>state_dict entries whose key ends in {@code .weight} are assigned, in state_dict order, to
 *       the description's layers with weights; entries beyond those layers are ignored;</li>
 *   <li>a key {@code <p>.<op>.weight} has its bias at {@code <p>.<op>.bias}, its bit width b at
 *       {@code <p>.weight_bits} (8 when absent) and its shift at {@code <p>.output_shift} (0 when
 *       absent); the description's {@code quantization} and {@code output_shift} win;</li>
 *   <li>all-zero weights are 1-bit; the effective shift is output_shift + 8 - b; the izer bias is
 *       floor(value / 2^(b-1)) with the checkpoint's b, and must be an int8;</li>
 *   <li>output channels come from the weight shape (convtranspose2d stores I x O/g x kH x kW) and
 *       the kernel must match the description.</li>
 * </ul>
 *
 * The kws20_v3 checkpoint, whose first weights are {@code module.}-prefixed copies without bias,
 * follows from these rules: those copies are assigned, and no {@code module.<p>.op.bias} exists.
 * Shapes, channel counts, ranges and shifts are checked against the network before a Model is
 * returned.
 */
public final class Ai8xImporter {

    /** The hardware's shift range, s in [-15, 15] (izer/backend/max7800x.py rejects any other). */
    static final int MAX_SHIFT = 15;

    private Ai8xImporter() {
    }

    /** Reads the description and checkpoint files; the model is named after the description's arch. */
    public static Ai8xImport importModel(Path networkYaml, Path checkpointFile, Shape inputShape) {
        Ai8xNetworkDescription description = Ai8xNetworkDescription.read(networkYaml);
        return importModel(description.arch(), description, Checkpoint.read(checkpointFile), inputShape);
    }

    public static Ai8xImport importModel(String name, Ai8xNetworkDescription description, Checkpoint checkpoint,
                                         Shape inputShape) {
        String what = "model " + name;
        if (checkpoint.arch() != null && !checkpoint.arch().equalsIgnoreCase(description.arch())) {
            throw new ModelImportException(what + ": the checkpoint's arch '" + checkpoint.arch()
                    + "' does not match the description's arch '" + description.arch() + "'");
        }
        List<Integer> weightLayers = description.weightLayers();
        List<Assigned> assigned = new ArrayList<>();
        for (String key : checkpoint.stateDict().keySet()) {
            WeightKey k = WeightKey.parse(key);
            if (k == null) {
                continue;
            }
            if (assigned.size() >= weightLayers.size()) {
                continue; // the izer ignores weights beyond the description's layers
            }
            Ai8xLayerDescription layer = description.layers().get(weightLayers.get(assigned.size()));
            assigned.add(assign(what, layer, k, checkpoint));
        }
        if (assigned.size() < weightLayers.size()) {
            throw new ModelImportException(what + ": the description has " + weightLayers.size()
                    + " layers with weights, but the checkpoint only " + assigned.size() + " weight entries");
        }
        List<LayerCompletion> completions = new ArrayList<>();
        for (int i = 0; i < description.layers().size(); i++) {
            completions.add(null);
        }
        for (Assigned a : assigned) {
            completions.set(a.report.layer(), new LayerCompletion(a.report.outChannels(), a.report.weightBits(),
                    a.bias != null, a.report.outputShift()));
        }
        Network network = description.toNetwork(name, inputShape, completions);
        List<LayerParameters> parameters = new ArrayList<>();
        for (int i = 0; i < network.size(); i++) {
            parameters.add(null);
        }
        List<ImportedLayer> reports = new ArrayList<>();
        for (Assigned a : assigned) {
            checkInputs(what, network, a.report);
            parameters.set(a.report.layer(), new LayerParameters(a.weights, a.bias));
            reports.add(a.report);
        }
        try {
            return new Ai8xImport(new Model(network, parameters), reports);
        } catch (IllegalArgumentException e) {
            throw new ModelImportException(what + ": " + e.getMessage(), e);
        }
    }

    /** {@code <layer>[.<op>].weight}, split as the izer does: {@code key.rsplit('.', 2)}. */
    record WeightKey(String key, String layer, String op) {
        static WeightKey parse(String key) {
            String[] parts = key.split("\\.");
            if (parts.length < 2 || !parts[parts.length - 1].equals("weight")) {
                return null;
            }
            String head = key.substring(0, key.length() - ".weight".length());
            if (parts.length == 2) {
                return new WeightKey(key, head, null);
            }
            int dot = head.lastIndexOf('.');
            return new WeightKey(key, head.substring(0, dot), head.substring(dot + 1));
        }

        String sibling(String parameter) {
            return op == null ? layer + "." + parameter : layer + "." + op + "." + parameter;
        }
    }

    private record Assigned(ImportedLayer report, byte[] weights, byte[] bias) {
    }

    private static Assigned assign(String what, Ai8xLayerDescription layer, WeightKey k, Checkpoint checkpoint) {
        String at = what + ", layer " + layer.index() + " (" + k.key() + "): ";
        CheckpointTensor tensor = checkpoint.tensor(k.key());
        int[] shape = tensor.shape();
        if (shape.length == 1) {
            throw new ModelImportException(at + (("bn".equals(k.op()))
                    ? "1-dimensional BatchNorm weights; fold BatchNorm into the convolutions before quantizing"
                    : "weights must have 2 to 4 dimensions, got " + Arrays.toString(shape)));
        }
        if (shape.length > 4) {
            throw new ModelImportException(at + "weights must have 2 to 4 dimensions, got " + Arrays.toString(shape));
        }
        int[] w = tensor.intValues();
        int min = Arrays.stream(w).min().orElse(0);
        int max = Arrays.stream(w).max().orElse(0);
        int checkpointBits = scalar(checkpoint, k.layer() + ".weight_bits", 8, at);
        int bits;
        if (layer.weightBits() != null) {
            bits = layer.weightBits();
        } else if (min == 0 && max == 0) {
            bits = 1; // the izer stores all-zero weights in one bit
        } else {
            bits = checkpointBits == 0 ? 8 : checkpointBits;
        }
        if (bits != 1 && bits != 2 && bits != 4 && bits != 8) {
            throw new ModelImportException(at + k.layer() + ".weight_bits is " + bits + "; allowed: 1, 2, 4, 8");
        }
        int low = -(1 << (bits - 1));
        int high = (1 << (bits - 1)) - 1;
        if (min < low || max > high) {
            throw new ModelImportException(at + "weights span [" + min + ", " + max + "], outside [" + low + ", "
                    + high + "] for " + bits + "-bit weights");
        }
        checkKernel(at, layer, shape);
        boolean transposed = layer.operation() == Operation.CONV_TRANSPOSE2D;
        int groups = layer.convGroups();
        int inChannels = transposed ? shape[0] : shape[1] * groups;
        int outChannels = transposed ? shape[1] * groups : shape[0];

        byte[] bias = null;
        String biasKey = k.sibling("bias");
        int biasMin = 0;
        int biasMax = 0;
        CheckpointTensor biasTensor = checkpoint.tensor(biasKey);
        if (biasTensor != null) {
            int divisorBits = checkpointBits == 0 ? 8 : checkpointBits;
            double divisor = Math.pow(2, divisorBits - 1);
            if (biasTensor.elementCount() != outChannels) {
                throw new ModelImportException(at + "bias " + biasKey + " has " + biasTensor.elementCount()
                        + " values for " + outChannels + " output channels");
            }
            bias = new byte[outChannels];
            biasMin = Integer.MAX_VALUE;
            biasMax = Integer.MIN_VALUE;
            for (int o = 0; o < outChannels; o++) {
                double v = Math.floor(biasTensor.value(o) / divisor);
                if (!(v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE)) {
                    throw new ModelImportException(at + "bias " + biasKey + "[" + o + "] = " + biasTensor.value(o)
                            + " gives " + v + " after dividing by 2^" + (divisorBits - 1) + ", outside int8");
                }
                bias[o] = (byte) v;
                biasMin = Math.min(biasMin, (int) v);
                biasMax = Math.max(biasMax, (int) v);
            }
        } else {
            biasKey = null;
        }
        int shift = layer.outputShift() != null ? layer.outputShift()
                : scalar(checkpoint, k.layer() + ".output_shift", 0, at);
        int effective = shift + 8 - bits;
        if (effective < -MAX_SHIFT || effective > MAX_SHIFT) {
            throw new ModelImportException(at + "effective output shift " + shift + " + 8 - " + bits + " = " + effective
                    + " is outside [-" + MAX_SHIFT + ", " + MAX_SHIFT + "]");
        }
        byte[] weights = new byte[w.length];
        for (int i = 0; i < w.length; i++) {
            weights[i] = (byte) w[i];
        }
        ImportedLayer report = new ImportedLayer(layer.index(), k.key(), biasKey, shape, inChannels, outChannels, bits,
                effective, min, max, biasMin, biasMax);
        return new Assigned(report, weights, bias);
    }

    /** izer/checkpoint.py: the weight tensor's kernel dimensions must be the description's kernel. */
    private static void checkKernel(String at, Ai8xLayerDescription layer, int[] shape) {
        int kh = layer.kernel().height();
        int kw = layer.kernel().width();
        boolean ok;
        String expected;
        if (shape.length == 2) {
            ok = kh == 1 && kw == 1;
            expected = "a 1x1 kernel (fully connected weights)";
        } else if (shape.length == 3) {
            ok = kh == shape[2] && kw == 1;
            expected = "kernel_size " + shape[2] + " (1-D weights)";
        } else {
            ok = kh == shape[2] && kw == shape[3];
            expected = "kernel_size " + shape[2] + "x" + shape[3];
        }
        if (!ok) {
            throw new ModelImportException(at + "weights " + Arrays.toString(shape) + " need " + expected
                    + ", but the description's kernel is " + layer.kernel());
        }
    }

    /** A one-element tensor's integer value, or {@code absent} when the key is missing. */
    private static int scalar(Checkpoint checkpoint, String key, int absent, String at) {
        CheckpointTensor t = checkpoint.tensor(key);
        if (t == null) {
            return absent;
        }
        if (t.elementCount() != 1) {
            throw new ModelImportException(at + key + " must hold one value, got " + t.elementCount());
        }
        return t.intValues()[0];
    }

    /** The weights' input channels (or features) must be what the network feeds the layer. */
    private static void checkInputs(String what, Network network, ImportedLayer report) {
        Layer layer = network.layer(report.layer());
        LayerGeometry g = network.geometry(report.layer());
        Shape pooled = g.pooled();
        int fed = layer.operation() == Operation.LINEAR && layer.flatten() ? pooled.elements() : pooled.channels();
        if (report.inChannels() != fed) {
            throw new ModelImportException(what + ", layer " + report.layer() + " (" + report.weightKey() + "): weights "
                    + Arrays.toString(report.checkpointShape()) + " take " + report.inChannels()
                    + " input " + (layer.flatten() ? "features" : "channels") + ", but the network feeds " + fed
                    + " (" + pooled + (layer.flatten() ? " flattened" : "") + ")");
        }
    }
}
