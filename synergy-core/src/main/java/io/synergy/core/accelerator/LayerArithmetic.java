package io.synergy.core.accelerator;

import io.synergy.core.network.ElementwiseOp;
import io.synergy.core.network.Layer;
import io.synergy.core.network.LayerGeometry;
import io.synergy.core.network.LayerParameters;
import io.synergy.core.network.Operation;
import io.synergy.core.network.Pooling;
import io.synergy.core.tensor.Shape;

/**
 * The arithmetic of one layer, from its selected input to its output values, in the izer's order
 * ({@code backend/max7800x.py}, the per-layer loop of the simulation): split the input into the
 * element-wise operands (consecutive channel blocks, {@code np.split}); combine them before pooling
 * when {@code pool_first} is false; pool each operand; combine them after pooling when it is true;
 * then the operation, requantisation and activation. Holds its weights prepared for its loops and
 * its reused buffers, so it is not thread-safe.
 */
final class LayerArithmetic {

    private final Layer layer;
    private final LayerGeometry geometry;
    private final ElementwiseArithmetic elementwise;
    private final PoolingArithmetic pooling;
    private final ConvolutionArithmetic convolution;
    private final LinearArithmetic linear;
    private final Output output;

    /** @param rectifiedInput whether the input is a ReLU output, a hint for choosing loops */
    LayerArithmetic(Layer layer, LayerGeometry geometry, LayerParameters parameters, boolean rectifiedInput) {
        this.layer = layer;
        this.geometry = geometry;
        boolean passthrough = layer.operation() == Operation.PASSTHROUGH;
        this.elementwise = layer.eltwise() == ElementwiseOp.NONE ? null
                : new ElementwiseArithmetic(layer.eltwise(), !(passthrough && layer.isWide()));
        this.pooling = layer.pooling() == Pooling.NONE ? null
                : new PoolingArithmetic(layer, geometry);
        this.convolution = switch (layer.operation()) {
            case CONV1D, CONV2D, CONV_TRANSPOSE2D -> new ConvolutionArithmetic(layer, geometry, parameters,
                    rectifiedInput);
            default -> null;
        };
        this.linear = layer.operation() == Operation.LINEAR
                ? new LinearArithmetic(layer, geometry, parameters) : null;
        this.output = passthrough ? null : new Output(
                new Requantiser(layer.outputShift(), layer.isWide(), layer.activation()), geometry.output());
    }

    Layer layer() {
        return layer;
    }

    /**
     * Computes the layer on {@code input} (its sources concatenated along channels).
     *
     * @param accumulators null, or an array of the output's element count that receives the
     *                     accumulators (CHW) of a layer with weights
     * @return the output values; for a pass-through layer possibly the input's own planes
     */
    Planes compute(Planes input, long[] accumulators) {
        Planes pooled;
        int operands = layer.operands();
        if (operands == 1) {
            pooled = pool(input, 0);
        } else {
            int channels = geometry.input().channels();
            Planes[] parts = new Planes[operands];
            for (int k = 0; k < operands; k++) {
                parts[k] = input.channels(k * channels, channels);
            }
            if (layer.poolFirst()) {
                for (int k = 0; k < operands; k++) {
                    parts[k] = pool(parts[k], k * channels);
                }
                pooled = elementwise.apply(parts);
            } else {
                pooled = pool(elementwise.apply(parts), 0);
            }
        }
        if (output == null) {
            return new Planes(geometry.output(), pooled.data());
        }
        output.prepare(accumulators);
        if (convolution != null) {
            convolution.compute(pooled, output);
        } else {
            linear.compute(pooled, output);
        }
        return new Planes(geometry.output(), output.planes);
    }

    private Planes pool(Planes in, int channel0) {
        return pooling == null ? in : pooling.apply(in, channel0, geometry.input().channels() * layer.operands());
    }

    /** Requantises each finished channel into the output planes, and copies it out when tracing. */
    private static final class Output implements ChannelSink {

        private final Requantiser requantiser;
        private final Shape shape;
        private int[][] planes;
        private long[] trace;

        Output(Requantiser requantiser, Shape shape) {
            this.requantiser = requantiser;
            this.shape = shape;
        }

        void prepare(long[] accumulators) {
            planes = Buffers.planes(planes, shape.channels(), shape.pixels());
            trace = accumulators;
        }

        @Override
        public void accept(int channel, int[] acc, int length) {
            requantiser.apply(acc, planes[channel], length);
            if (trace != null) {
                for (int i = 0; i < length; i++) {
                    trace[channel * length + i] = acc[i];
                }
            }
        }

        @Override
        public void accept(int channel, long[] acc, int length) {
            requantiser.apply(acc, planes[channel], length);
            if (trace != null) {
                System.arraycopy(acc, 0, trace, channel * length, length);
            }
        }
    }
}
