package io.synergy.core.accelerator;

import io.synergy.core.network.Activation;
import io.synergy.core.network.Activations;
import io.synergy.core.network.Layer;
import io.synergy.core.network.Model;
import io.synergy.core.network.Network;
import io.synergy.core.tensor.Int8Tensor;
import io.synergy.core.tensor.Shape;
import io.synergy.core.tensor.Tensor;
import io.synergy.core.tensor.WideTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a {@link Model} bit-exactly as the MAX7800x CNN accelerator computes it (the ai8x-synthesis
 * izer's reference arithmetic; see ../shared/conformance/README.md, "Arithmetic as the izer computes
 * it"), whole or as a segment of layers [from, to).
 *
 * <p>This class does the bookkeeping: which tensors a segment needs and produces
 * ({@link Network#liveTensors(int)}), gathering each layer's sources, converting between tensors and
 * the internal planes. The arithmetic lives in one {@link LayerArithmetic} per layer; the
 * {@link TimingOnlyRunner} keeps the same contract without any arithmetic.
 *
 * <p>An emulator reuses its buffers from run to run and is therefore not thread-safe: use one per
 * thread (device). A layer's buffers are allocated on its first run only.
 */
public final class Emulator implements SegmentRunner {

    private final Model model;
    private final Network network;
    private final LayerArithmetic[] layers;
    /** Reused int planes of input tensors, by tensor id + 1. */
    private final int[][][] inputPlanes;

    /**
     * @throws IllegalArgumentException if a layer reads a 32-bit tensor (the accelerator feeds layers
     *                                  8-bit data only; a 32-bit output ends a network)
     */
    public Emulator(Model model) {
        this.model = model;
        this.network = model.network();
        this.layers = new LayerArithmetic[network.size()];
        for (Layer layer : network.layers()) {
            for (int source : layer.sources()) {
                if (network.tensorWidthBits(source) != 8) {
                    throw new IllegalArgumentException("model " + network.name() + ", layer " + layer.index()
                            + ": reads tensor " + source + ", a 32-bit output; layers read 8-bit data only");
                }
            }
            layers[layer.index()] = new LayerArithmetic(layer, network.geometry(layer.index()),
                    model.parameters(layer.index()), rectified(network, layer));
        }
        this.inputPlanes = new int[network.size() + 1][][];
    }

    @Override
    public Model model() {
        return model;
    }

    /** Runs the whole network on its input; returns the output layers' tensors. */
    public Activations run(Tensor input) {
        return run(Activations.input(input), 0, network.size());
    }

    /**
     * Runs layers [from, to) on {@code in}, which must hold (at least) the tensors live at
     * {@code from} with their network shapes; returns exactly the tensors live at {@code to}, some of
     * them possibly passed through from {@code in} (skip connections over the segment).
     */
    @Override
    public Activations run(Activations in, int from, int to) {
        Planes[] tensors = execute(in, from, to, null);
        return collect(in, from, to, tensors);
    }

    /** As {@link #run(Activations, int, int)}, also recording every layer's output and accumulators. */
    public Trace trace(Activations in, int from, int to) {
        List<LayerTrace> traces = new ArrayList<>();
        Planes[] tensors = execute(in, from, to, traces);
        return new Trace(traces, collect(in, from, to, tensors));
    }

    /** Planes of every tensor known after the run, by tensor id + 1. */
    private Planes[] execute(Activations in, int from, int to, List<LayerTrace> traces) {
        checkSegment(network, from, to);
        List<Integer> needed = network.liveTensors(from);
        in.requireShapes(network, needed);
        Planes[] tensors = new Planes[network.size() + 1];
        for (int id : needed) {
            tensors[id + 1] = widen(id, in.tensor(id));
        }
        for (int k = from; k < to; k++) {
            LayerArithmetic arithmetic = layers[k];
            Planes input = gather(arithmetic.layer(), tensors);
            long[] accumulators = traces != null && arithmetic.layer().hasWeights()
                    ? new long[network.geometry(k).output().elements()] : null;
            Planes out = arithmetic.compute(input, accumulators);
            tensors[k + 1] = out;
            if (traces != null) {
                traces.add(new LayerTrace(k, toTensor(out, network.tensorWidthBits(k)), accumulators));
            }
        }
        return tensors;
    }

    /** Whether the layer reads one ReLU output (or a concatenation of them) unchanged. */
    private static boolean rectified(Network network, Layer layer) {
        if (layer.operands() != 1) {
            return false;
        }
        for (int source : layer.sources()) {
            if (source == Layer.NETWORK_INPUT || network.layer(source).activation() != Activation.RELU) {
                return false;
            }
        }
        return true;
    }

    static void checkSegment(Network network, int from, int to) {
        if (from < 0 || from > to || to > network.size()) {
            throw new IndexOutOfBoundsException("segment [" + from + ", " + to + ") of " + network.name()
                    + ": need 0 <= from <= to <= " + network.size());
        }
    }

    private Activations collect(Activations in, int from, int to, Planes[] tensors) {
        Map<Integer, Tensor> result = new TreeMap<>();
        for (int id : network.liveTensors(to)) {
            result.put(id, id < from ? in.tensor(id) : toTensor(tensors[id + 1], network.tensorWidthBits(id)));
        }
        return Activations.of(result);
    }

    /** The layer's sources concatenated along channels (shared planes, no copy). */
    private static Planes gather(Layer layer, Planes[] tensors) {
        List<Integer> sources = layer.sources();
        if (sources.size() == 1) {
            return tensors[sources.get(0) + 1];
        }
        int channels = 0;
        for (int s : sources) {
            channels += tensors[s + 1].shape().channels();
        }
        int[][] planes = new int[channels][];
        int at = 0;
        for (int s : sources) {
            int[][] d = tensors[s + 1].data();
            System.arraycopy(d, 0, planes, at, d.length);
            at += d.length;
        }
        return new Planes(tensors[sources.get(0) + 1].shape().withChannels(channels), planes);
    }

    private Planes widen(int id, Tensor tensor) {
        Shape shape = tensor.shape();
        int pixels = shape.pixels();
        int[][] planes = Buffers.planes(inputPlanes[id + 1], shape.channels(), pixels);
        inputPlanes[id + 1] = planes;
        int[] values = tensor.toIntArray();
        for (int c = 0; c < shape.channels(); c++) {
            System.arraycopy(values, c * pixels, planes[c], 0, pixels);
        }
        return new Planes(shape, planes);
    }

    private static Tensor toTensor(Planes planes, int widthBits) {
        Shape shape = planes.shape();
        int pixels = shape.pixels();
        if (widthBits == 8) {
            byte[] bytes = new byte[shape.elements()];
            for (int c = 0; c < shape.channels(); c++) {
                int[] p = planes.data()[c];
                int base = c * pixels;
                for (int i = 0; i < pixels; i++) {
                    bytes[base + i] = (byte) p[i];
                }
            }
            return Int8Tensor.wrap(shape, bytes);
        }
        int[] values = new int[shape.elements()];
        for (int c = 0; c < shape.channels(); c++) {
            System.arraycopy(planes.data()[c], 0, values, c * pixels, pixels);
        }
        return WideTensor.wrap(shape, values);
    }
}
