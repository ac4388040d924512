package io.synergy.core.network;

import java.util.List;
import java.util.Objects;

/**
 * One layer of a quantized network, as the ai8x toolchain defines it. Per layer, in this order:
 * input selection ({@link #inSequences}), element-wise combination of the operands (before or after
 * pooling, {@link #poolFirst}), pooling, the {@link #operation}, requantisation by
 * {@link #outputShift} (8-bit output only) and the {@link #activation}.
 *
 * @param index          zero-based position in the network (the ai8x layer sequence number)
 * @param name           the description's name, or null
 * @param inSequences    layers whose outputs form the input, concatenated along channels in list
 *                       order; -1 is the network input; empty means the previous layer
 * @param operands       number of element-wise operands (1 without {@link #eltwise})
 * @param kernel         kernel extent; (k, 1) for conv1d; (1, 1) for linear and passthrough
 * @param padding        zero padding on each side; (p, 0) for conv1d
 * @param outputShift    the effective shift s in y = floor(acc * 2^s / 128 + 1/2), i.e. the
 *                       checkpoint's output_shift + 8 - weightBits
 * @param weightBits     1, 2, 4 or 8; 0 for layers without weights
 * @param outputWidth    8, or 32 for a wide (raw accumulator) output
 * @param outputChannels channels of the output (the weight tensor's output dimension)
 * @param convGroups     convolution groups (= channels for a depthwise convolution)
 */
public record Layer(int index, String name, Operation operation, List<Integer> inSequences,
                    ElementwiseOp eltwise, int operands, boolean poolFirst,
                    Pooling pooling, Window pool, Window poolStride,
                    Window kernel, Window padding, Window stride, Window dilation, Window outputPadding,
                    int convGroups, boolean flatten, int outputChannels, int weightBits, boolean bias,
                    int outputShift, int outputWidth, Activation activation, boolean output,
                    ProcessorMapping mapping) {

    public static final int NETWORK_INPUT = -1;

    public Layer {
        Objects.requireNonNull(operation, "operation");
        inSequences = List.copyOf(inSequences);
        Objects.requireNonNull(eltwise, "eltwise");
        Objects.requireNonNull(pooling, "pooling");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(mapping, "mapping");
        String at = "layer " + index + ": ";
        if (operation.hasWeights() && weightBits != 1 && weightBits != 2 && weightBits != 4 && weightBits != 8) {
            throw new IllegalArgumentException(at + "weight_bits must be 1, 2, 4 or 8, got " + weightBits);
        }
        if (!operation.hasWeights() && (weightBits != 0 || bias)) {
            throw new IllegalArgumentException(at + "a " + operation + " layer has no weights or bias");
        }
        if (operation == Operation.PASSTHROUGH && activation != Activation.NONE) {
            // izer backend/max7800x.py: "Pass-through layers must not use activation."
            throw new IllegalArgumentException(at + "a passthrough layer takes no activation, got " + activation);
        }
        if (outputWidth != 8 && outputWidth != 32) {
            throw new IllegalArgumentException(at + "output_width must be 8 or 32, got " + outputWidth);
        }
        if (outputChannels < 1) {
            throw new IllegalArgumentException(at + "output channels must be >= 1, got " + outputChannels);
        }
        if (convGroups < 1) {
            throw new IllegalArgumentException(at + "groups must be >= 1, got " + convGroups);
        }
        if (eltwise == ElementwiseOp.NONE ? operands != 1 : operands < 2) {
            throw new IllegalArgumentException(at + "operands must be 1 without eltwise and >= 2 with it, got "
                    + operands);
        }
        if (pooling != Pooling.NONE && (pool.area() == 0 || poolStride.area() == 0)) {
            throw new IllegalArgumentException(at + "pooling window and stride must be >= 1");
        }
        if (stride.area() == 0 || dilation.area() == 0) {
            throw new IllegalArgumentException(at + "stride and dilation must be >= 1");
        }
        for (int source : inSequences) {
            if (source < NETWORK_INPUT || source >= index) {
                throw new IllegalArgumentException(at + "in_sequences may name the input (-1) or earlier layers (< "
                        + index + "), got " + source);
            }
        }
    }

    /** The layers (or -1, the network input) this layer reads, in concatenation order. */
    public List<Integer> sources() {
        return inSequences.isEmpty() ? List.of(index - 1) : inSequences;
    }

    public boolean hasWeights() {
        return operation.hasWeights();
    }

    public boolean isWide() {
        return outputWidth == 32;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder(int index, Operation operation) {
        return new Builder(index, operation);
    }

    /** Builds a layer with the ai8x defaults for what is not set. */
    public static final class Builder {
        private int index;
        private String name;
        private Operation operation;
        private List<Integer> inSequences = List.of();
        private ElementwiseOp eltwise = ElementwiseOp.NONE;
        private int operands = 1;
        private boolean poolFirst = true;
        private Pooling pooling = Pooling.NONE;
        private Window pool = Window.ONE;
        private Window poolStride = Window.ONE;
        private Window kernel = Window.ONE;
        private Window padding = Window.ZERO;
        private Window stride = Window.ONE;
        private Window dilation = Window.ONE;
        private Window outputPadding = Window.ZERO;
        private int convGroups = 1;
        private boolean flatten;
        private int outputChannels = 1;
        private int weightBits;
        private boolean bias;
        private int outputShift;
        private int outputWidth = 8;
        private Activation activation = Activation.NONE;
        private boolean output;
        private ProcessorMapping mapping = ProcessorMapping.NONE;

        private Builder(int index, Operation operation) {
            this.index = index;
            this.operation = operation;
            this.weightBits = operation.hasWeights() ? 8 : 0;
        }

        private Builder(Layer l) {
            index = l.index; name = l.name; operation = l.operation; inSequences = l.inSequences;
            eltwise = l.eltwise; operands = l.operands; poolFirst = l.poolFirst; pooling = l.pooling;
            pool = l.pool; poolStride = l.poolStride; kernel = l.kernel; padding = l.padding;
            stride = l.stride; dilation = l.dilation; outputPadding = l.outputPadding;
            convGroups = l.convGroups; flatten = l.flatten; outputChannels = l.outputChannels;
            weightBits = l.weightBits; bias = l.bias; outputShift = l.outputShift;
            outputWidth = l.outputWidth; activation = l.activation; output = l.output; mapping = l.mapping;
        }

        public Builder index(int v) { index = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder operation(Operation v) { operation = v; return this; }
        public Builder inSequences(List<Integer> v) { inSequences = v; return this; }
        public Builder eltwise(ElementwiseOp op, int count) { eltwise = op; operands = count; return this; }
        public Builder poolFirst(boolean v) { poolFirst = v; return this; }
        public Builder pooling(Pooling type, Window window, Window step) {
            pooling = type; pool = window; poolStride = step; return this;
        }
        public Builder kernel(Window v) { kernel = v; return this; }
        public Builder padding(Window v) { padding = v; return this; }
        public Builder stride(Window v) { stride = v; return this; }
        public Builder dilation(Window v) { dilation = v; return this; }
        public Builder outputPadding(Window v) { outputPadding = v; return this; }
        public Builder convGroups(int v) { convGroups = v; return this; }
        public Builder flatten(boolean v) { flatten = v; return this; }
        public Builder outputChannels(int v) { outputChannels = v; return this; }
        public Builder weightBits(int v) { weightBits = v; return this; }
        public Builder bias(boolean v) { bias = v; return this; }
        public Builder outputShift(int v) { outputShift = v; return this; }
        public Builder outputWidth(int v) { outputWidth = v; return this; }
        public Builder activation(Activation v) { activation = v; return this; }
        public Builder output(boolean v) { output = v; return this; }
        public Builder mapping(ProcessorMapping v) { mapping = v; return this; }

        public Layer build() {
            return new Layer(index, name, operation, inSequences, eltwise, operands, poolFirst, pooling, pool,
                    poolStride, kernel, padding, stride, dilation, outputPadding, convGroups, flatten,
                    outputChannels, weightBits, bias, outputShift, outputWidth, activation, output, mapping);
        }
    }
}
