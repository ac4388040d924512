package io.synergy.core.zoo;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact way to write down an ai8x network layer by layer, the way its network description reads:
 * an operation call ({@link #conv2d}, {@link #conv1d}, {@link #linear}, {@link #convTranspose2d},
 * {@link #passthrough}) starts a layer, and the calls after it, up to the next operation call, refine
 * that layer. Defaults are the toolchain's: 8-bit weights, a bias, no activation, no pooling, no
 * padding, stride 1, 8-bit output. Output shifts stay 0 here; {@link ShiftCalibration} chooses them.
 *
 * <p>Example, the first layer of ConvNet5: {@code .conv2d(60, 3).pad(1).relu().noBias().at(0x1L, 0x2000)}.
 */
final class NetworkSketch {

    private final String name;
    private final Shape inputShape;
    private final DataFormat inputFormat;
    private final List<Layer.Builder> layers = new ArrayList<>();
    private final Map<String, Integer> indexByName = new HashMap<>();
    private Layer.Builder current;
    private boolean oneDimensional;
    private long processors;
    private long outputProcessors;
    private int inOffset = ProcessorMapping.UNSET;
    private int outOffset = ProcessorMapping.UNSET;
    private int writeGap;

    private NetworkSketch(String name, Shape inputShape, DataFormat inputFormat) {
        this.name = name;
        this.inputShape = inputShape;
        this.inputFormat = inputFormat;
    }

    /** A network whose input is C x H x W (or C x L x 1 for 1-D data) in the given memory layout. */
    static NetworkSketch of(String name, Shape inputShape, DataFormat inputFormat) {
        return new NetworkSketch(name, inputShape, inputFormat);
    }

    /** A 2-D convolution with a square kernel (1x1 or 3x3 on the MAX7800x). */
    NetworkSketch conv2d(int outputChannels, int kernel) {
        return start(Operation.CONV2D, false).outputChannels(outputChannels).kernel(Window.square(kernel));
    }

    /** A 1-D convolution over C x L data, kernel length 1 to 9. */
    NetworkSketch conv1d(int outputChannels, int kernel) {
        return start(Operation.CONV1D, true).outputChannels(outputChannels).kernel(new Window(kernel, 1));
    }

    /**
     * A 3x3 transposed convolution. The toolchain fixes its stride at 2 and its output padding at 1
     * (ai8x-synthesis {@code izer/yamlcfg.py}, {@code parse}: a ConvTranspose2d rejects any other
     * stride and gets {@code output_padding} [1, 1]), which doubles height and width with pad 1.
     */
    NetworkSketch convTranspose2d(int outputChannels) {
        start(Operation.CONV_TRANSPOSE2D, false).outputChannels(outputChannels).kernel(Window.square(3));
        current.stride(Window.square(2)).outputPadding(Window.square(1));
        return this;
    }

    /** A fully connected layer (ai8x "MLP"). */
    NetworkSketch linear(int outputChannels) {
        return start(Operation.LINEAR, false).outputChannels(outputChannels);
    }

    /** No operation: the output is the selected, combined and pooled input (ai8x "passthrough"/"none"). */
    NetworkSketch passthrough() {
        start(Operation.PASSTHROUGH, oneDimensional);
        current.weightBits(0).bias(false);
        return this;
    }

    NetworkSketch name(String layerName) {
        current.name(layerName);
        indexByName.put(layerName, layers.size() - 1);
        return this;
    }

    /** Zero padding on each side (for 1-D layers, along the length). */
    NetworkSketch pad(int size) {
        current.padding(oneDimensional ? new Window(size, 0) : Window.square(size));
        return this;
    }

    NetworkSketch maxPool(int window) {
        return pool(Pooling.MAX, window);
    }

    NetworkSketch avgPool(int window) {
        return pool(Pooling.AVG, window);
    }

    /** Pools after the element-wise operation instead of before it (ai8x {@code pool_first: false}). */
    NetworkSketch poolAfterEltwise() {
        current.poolFirst(false);
        return this;
    }

    NetworkSketch relu() {
        current.activation(Activation.RELU);
        return this;
    }

    NetworkSketch flatten() {
        current.flatten(true);
        return this;
    }

    /** 32-bit output: the raw accumulators, not requantised. */
    NetworkSketch wide() {
        current.outputWidth(32);
        return this;
    }

    NetworkSketch weightBits(int bits) {
        current.weightBits(bits);
        return this;
    }

    NetworkSketch noBias() {
        current.bias(false);
        return this;
    }

    /** The input is the concatenation of these layers' outputs, by index (-1 = the network input). */
    NetworkSketch from(Integer... sources) {
        current.inSequences(List.of(sources));
        return this;
    }

    /** The input is the concatenation of the named layers' outputs. */
    NetworkSketch from(String... sources) {
        List<Integer> indices = new ArrayList<>();
        for (String source : sources) {
            Integer index = indexByName.get(source);
            if (index == null) {
                throw new IllegalArgumentException("network " + name + ", layer " + (layers.size() - 1)
                        + ": no earlier layer is named '" + source + "'");
            }
            indices.add(index);
        }
        current.inSequences(indices);
        return this;
    }

    /** Element-wise sum of the named layers' outputs (one operand per source). */
    NetworkSketch add(String... sources) {
        from(sources);
        current.eltwise(ElementwiseOp.ADD, sources.length);
        return this;
    }

    /** Element-wise sum of these layers' outputs, by index. */
    NetworkSketch add(Integer... sources) {
        from(sources);
        current.eltwise(ElementwiseOp.ADD, sources.length);
        return this;
    }

    /** The processors that read the layer's input (64-bit mask) and its output offset in data memory. */
    NetworkSketch at(long processorMask, int outputOffsetBytes) {
        processors = processorMask;
        outOffset = outputOffsetBytes;
        return this;
    }

    NetworkSketch outputProcessors(long mask) {
        outputProcessors = mask;
        return this;
    }

    NetworkSketch inOffset(int bytes) {
        inOffset = bytes;
        return this;
    }

    NetworkSketch writeGap(int gap) {
        writeGap = gap;
        return this;
    }

    Network build() {
        finishCurrent();
        List<Layer> built = new ArrayList<>(layers.size());
        for (Layer.Builder builder : layers) {
            Layer layer = builder.build();
            if (layer.operation() == Operation.PASSTHROUGH) {
                // A passthrough outputs what it reads: one operand's worth of the selected channels.
                int channels = 0;
                for (int source : layer.sources()) {
                    channels += source == Layer.NETWORK_INPUT ? inputShape.channels() : built.get(source).outputChannels();
                }
                layer = builder.outputChannels(channels / layer.operands()).build();
            }
            built.add(layer);
        }
        return new Network(name, inputShape, inputFormat, built);
    }

    private NetworkSketch outputChannels(int channels) {
        current.outputChannels(channels);
        return this;
    }

    private NetworkSketch kernel(Window kernel) {
        current.kernel(kernel);
        return this;
    }

    private NetworkSketch pool(Pooling type, int window) {
        Window extent = oneDimensional ? new Window(window, 1) : Window.square(window);
        current.pooling(type, extent, extent);
        return this;
    }

    private NetworkSketch start(Operation operation, boolean oneDimensionalLayer) {
        finishCurrent();
        current = Layer.builder(layers.size(), operation).bias(operation.hasWeights());
        oneDimensional = oneDimensionalLayer;
        layers.add(current);
        return this;
    }

    /** Attaches the mapping collected for the current layer, then clears it for the next. */
    private void finishCurrent() {
        if (current != null) {
            current.mapping(new ProcessorMapping(processors, outputProcessors, inOffset, outOffset, writeGap));
        }
        processors = 0L;
        outputProcessors = 0L;
        inOffset = ProcessorMapping.UNSET;
        outOffset = ProcessorMapping.UNSET;
        writeGap = 0;
    }
}
