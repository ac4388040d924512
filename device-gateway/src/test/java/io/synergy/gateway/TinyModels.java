package io.synergy.gateway;

import io.synergy.core.network.Activation;
import io.synergy.core.network.DataFormat;
import io.synergy.core.network.Layer;
import io.synergy.core.network.LayerParameters;
import io.synergy.core.network.Model;
import io.synergy.core.network.Network;
import io.synergy.core.network.Operation;
import io.synergy.core.network.Pooling;
import io.synergy.core.network.Window;
import io.synergy.core.tensor.Int8Tensor;
import io.synergy.core.tensor.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small classifier built in code with seeded weights: conv 4->8 (ReLU), conv 8->8 with 2x2 max
 * pooling (ReLU), and a wide linear 128->10. Input 4x8x8 INT8, output 10 INT32 accumulators.
 */
public final class TinyModels {

    private TinyModels() {
    }

    public static Model classifier(String name, long seed) {
        List<Layer> layers = List.of(
                Layer.builder(0, Operation.CONV2D).kernel(Window.square(3)).padding(Window.square(1))
                        .outputChannels(8).bias(true).outputShift(-1).activation(Activation.RELU).build(),
                Layer.builder(1, Operation.CONV2D).kernel(Window.square(3)).padding(Window.square(1))
                        .pooling(Pooling.MAX, Window.square(2), Window.square(2))
                        .outputChannels(8).bias(true).outputShift(-1).activation(Activation.RELU).build(),
                Layer.builder(2, Operation.LINEAR).flatten(true).outputChannels(10).bias(true).outputWidth(32).build());
        return withRandomParameters(new Network(name, new Shape(4, 8, 8), DataFormat.HWC, layers), seed);
    }

    /** Seeded random weights within each layer's bit width, and int8 biases (e.g. for a zoo architecture). */
    public static Model withRandomParameters(Network network, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LayerParameters> parameters = new ArrayList<>();
        for (Layer layer : network.layers()) {
            if (!layer.hasWeights()) {
                parameters.add(null);
                continue;
            }
            byte[] weights = new byte[(int) network.geometry(layer.index()).weightCount()];
            int bits = layer.weightBits();
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (byte) (random.nextInt(1 << bits) - (1 << (bits - 1)));
            }
            byte[] bias = null;
            if (layer.bias()) {
                bias = new byte[layer.outputChannels()];
                random.nextBytes(bias);
            }
            parameters.add(new LayerParameters(weights, bias));
        }
        return new Model(network, parameters);
    }

    public static Int8Tensor input(Model model, long seed) {
        byte[] values = new byte[model.network().inputShape().elements()];
        new SplittableRandom(seed).nextBytes(values);
        return Int8Tensor.of(model.network().inputShape(), values);
    }
}
