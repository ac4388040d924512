package io.synergy.core.network;

import io.synergy.core.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A quantized CNN's architecture (no weights): its input and its ordered layers. Construction derives
 * and checks every layer's {@link LayerGeometry}, so a Network that exists is consistent.
 */
public final class Network {

    private final String name;
    private final Shape inputShape;
    private final DataFormat inputFormat;
    private final List<Layer> layers;
    private final List<LayerGeometry> geometry;

    public Network(String name, Shape inputShape, DataFormat inputFormat, List<Layer> layers) {
        this.name = Objects.requireNonNull(name, "name");
        this.inputShape = Objects.requireNonNull(inputShape, "inputShape");
        this.inputFormat = Objects.requireNonNull(inputFormat, "inputFormat");
        this.layers = List.copyOf(layers);
        if (this.layers.isEmpty()) {
            throw new NetworkShapeException("network " + name + ": has no layers");
        }
        for (int i = 0; i < this.layers.size(); i++) {
            if (this.layers.get(i).index() != i) {
                throw new NetworkShapeException("network " + name + ": layer at position " + i + " has index "
                        + this.layers.get(i).index());
            }
        }
        List<LayerGeometry> derived = new ArrayList<>(this.layers.size());
        for (Layer layer : this.layers) {
            derived.add(deriveGeometry(layer, derived));
        }
        this.geometry = List.copyOf(derived);
    }

    public String name() {
        return name;
    }

    public Shape inputShape() {
        return inputShape;
    }

    public DataFormat inputFormat() {
        return inputFormat;
    }

    public List<Layer> layers() {
        return layers;
    }

    public Layer layer(int index) {
        return layers.get(index);
    }

    public int size() {
        return layers.size();
    }

    public LayerGeometry geometry(int index) {
        return geometry.get(index);
    }

    /** The shape of a tensor id: -1 is the network input, otherwise a layer's output. */
    public Shape tensorShape(int tensorId) {
        return tensorId == Layer.NETWORK_INPUT ? inputShape : geometry.get(tensorId).output();
    }

    /** 8 or 32: the element width of a tensor id. */
    public int tensorWidthBits(int tensorId) {
        return tensorId == Layer.NETWORK_INPUT ? 8 : layers.get(tensorId).outputWidth();
    }

    public long tensorBytes(int tensorId) {
        return (long) tensorShape(tensorId).elements() * tensorWidthBits(tensorId) / 8;
    }

    /**
     * The layers whose outputs are the network's results: those marked {@code output}, or else the
     * last layer.
     */
    public List<Integer> outputLayers() {
        List<Integer> marked = layers.stream().filter(Layer::output).map(Layer::index).toList();
        return marked.isEmpty() ? List.of(layers.size() - 1) : marked;
    }

    /**
     * The tensors live at a split position p in [0, size]: what a segment starting at layer p needs
     * from before it, ascending by tensor id (-1 = network input). At p = 0 that is the input; at
     * p = size, the network's outputs. Passing exactly these between devices makes split execution
     * equal whole-model execution, skip connections included.
     */
    public List<Integer> liveTensors(int position) {
        if (position < 0 || position > layers.size()) {
            throw new IndexOutOfBoundsException("split position must be in [0, " + layers.size() + "], got "
                    + position);
        }
        if (position == layers.size()) {
            return outputLayers();
        }
        TreeSet<Integer> live = new TreeSet<>();
        for (int k = position; k < layers.size(); k++) {
            for (int source : layers.get(k).sources()) {
                if (source < position) {
                    live.add(source);
                }
            }
        }
        for (int out : outputLayers()) {
            if (out < position) {
                live.add(out);
            }
        }
        return List.copyOf(live);
    }

    /** Bytes crossing a split at {@code position}: the sum over {@link #liveTensors(int)}. */
    public long boundaryBytes(int position) {
        return liveTensors(position).stream().mapToLong(this::tensorBytes).sum();
    }

    private LayerGeometry deriveGeometry(Layer layer, List<LayerGeometry> earlier) {
        String at = "network " + name + ", layer " + layer.index() + ": ";
        List<Shape> sources = layer.sources().stream()
                .map(s -> s == Layer.NETWORK_INPUT ? inputShape : earlier.get(s).output())
                .toList();
        Shape first = sources.get(0);
        for (Shape s : sources) {
            if (s.height() != first.height() || s.width() != first.width()) {
                throw new NetworkShapeException(at + "inputs " + layer.sources() + " differ in size: " + sources);
            }
        }
        int channels = sources.stream().mapToInt(Shape::channels).sum();
        Shape input;
        if (layer.eltwise() != ElementwiseOp.NONE) {
            if (channels % layer.operands() != 0) {
                throw new NetworkShapeException(at + channels + " input channels do not split into "
                        + layer.operands() + " element-wise operands");
            }
            input = first.withChannels(channels / layer.operands());
        } else {
            input = first.withChannels(channels);
        }
        Shape pooled = input;
        if (layer.pooling() != Pooling.NONE) {
            int h = (input.height() - layer.pool().height()) / layer.poolStride().height() + 1;
            int w = (input.width() - layer.pool().width()) / layer.poolStride().width() + 1;
            if (input.height() < layer.pool().height() || input.width() < layer.pool().width()) {
                throw new NetworkShapeException(at + "pooling window " + layer.pool() + " is larger than the input "
                        + input);
            }
            pooled = new Shape(input.channels(), h, w);
        }
        int inChannels = pooled.channels();
        int groups = layer.convGroups();
        if (inChannels % groups != 0) {
            throw new NetworkShapeException(at + inChannels + " input channels are not divisible by groups " + groups);
        }
        if (layer.operation() != Operation.LINEAR && layer.outputChannels() % groups != 0) {
            throw new NetworkShapeException(at + layer.outputChannels()
                    + " output channels are not divisible by groups " + groups);
        }
        Shape output;
        long weights;
        int k = layer.kernel().area();
        switch (layer.operation()) {
            case CONV1D, CONV2D -> {
                int h = convolved(pooled.height(), layer.kernel().height(), layer.padding().height(),
                        layer.stride().height(), layer.dilation().height());
                int w = convolved(pooled.width(), layer.kernel().width(), layer.padding().width(),
                        layer.stride().width(), layer.dilation().width());
                if (h < 1 || w < 1) {
                    throw new NetworkShapeException(at + "kernel " + layer.kernel() + " with padding "
                            + layer.padding() + " does not fit the input " + pooled);
                }
                output = new Shape(layer.outputChannels(), h, w);
                weights = (long) layer.outputChannels() * (inChannels / groups) * k;
            }
            case CONV_TRANSPOSE2D -> {
                int h = (pooled.height() - 1) * layer.stride().height() - 2 * layer.padding().height()
                        + layer.dilation().height() * (layer.kernel().height() - 1)
                        + layer.outputPadding().height() + 1;
                int w = (pooled.width() - 1) * layer.stride().width() - 2 * layer.padding().width()
                        + layer.dilation().width() * (layer.kernel().width() - 1)
                        + layer.outputPadding().width() + 1;
                output = new Shape(layer.outputChannels(), h, w);
                weights = (long) (inChannels / groups) * layer.outputChannels() * k;
            }
            case LINEAR -> {
                long in = layer.flatten() ? pooled.elements() : inChannels;
                if (!layer.flatten() && pooled.pixels() != 1) {
                    throw new NetworkShapeException(at + "a linear layer without flatten needs a Cx1x1 input, got "
                            + pooled);
                }
                output = new Shape(layer.outputChannels(), 1, 1);
                weights = layer.outputChannels() * in;
            }
            case PASSTHROUGH -> {
                if (layer.outputChannels() != inChannels) {
                    throw new NetworkShapeException(at + "a passthrough layer outputs its " + inChannels
                            + " input channels, but declares " + layer.outputChannels());
                }
                output = pooled;
                weights = 0;
            }
            default -> throw new IllegalStateException("unknown operation " + layer.operation());
        }
        return new LayerGeometry(input, pooled, output, weights);
    }

    private static int convolved(int size, int kernel, int pad, int stride, int dilation) {
        return (size + 2 * pad - dilation * (kernel - 1) - 1) / stride + 1;
    }

    /** Equal when name, input and layers are equal (the geometry follows from them). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Network n && name.equals(n.name) && inputShape.equals(n.inputShape)
                && inputFormat == n.inputFormat && layers.equals(n.layers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, inputShape, inputFormat, layers);
    }

    @Override
    public String toString() {
        return "Network[" + name + ", " + layers.size() + " layers, input " + inputShape + "]";
    }
}
