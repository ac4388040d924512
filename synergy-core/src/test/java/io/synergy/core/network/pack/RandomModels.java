package io.synergy.core.network.pack;

import io.synergy.core.network.Activation;
import io.synergy.core.network.DataFormat;
import io.synergy.core.network.ElementwiseOp;
import io.synergy.core.network.Layer;
import io.synergy.core.network.Model;
import io.synergy.core.network.Network;
import io.synergy.core.network.RandomParameters;
import io.synergy.core.network.Operation;
import io.synergy.core.network.Pooling;
import io.synergy.core.network.ProcessorMapping;
import io.synergy.core.network.Window;
import io.synergy.core.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random models: random layer stacks, or given networks with random parameters. */
final class RandomModels {

    private RandomModels() {
    }

    /** Random parameters for a network: weights within each layer's bit width, int8 biases. */
    static Model withRandomParameters(Network network, long seed) {
        return RandomParameters.of(network, new SplittableRandom(seed));
    }

    /** A random stack of conv2d, pooling passthrough, element-wise, convtranspose2d and linear layers. */
    static Model randomModel(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Shape input = new Shape(1 + r.nextInt(8), 4 + r.nextInt(9), 4 + r.nextInt(9));
        List<Layer> layers = new ArrayList<>();
        int count = 1 + r.nextInt(7);
        for (int i = 0; i < count; i++) {
            Shape in = i == 0 ? input : new Network("n", input, DataFormat.HWC, layers).geometry(i - 1).output();
            boolean last = i == count - 1;
            Layer.Builder b;
            int kind = last && r.nextBoolean() ? 4 : r.nextInt(4);
            if (kind == 1 && in.height() >= 2 && in.width() >= 2) {
                b = Layer.builder(i, Operation.PASSTHROUGH).outputChannels(in.channels())
                        .pooling(r.nextBoolean() ? Pooling.MAX : Pooling.AVG, Window.square(2), Window.square(2));
            } else if (kind == 2 && i > 0) {
                b = Layer.builder(i, Operation.PASSTHROUGH).outputChannels(in.channels())
                        .inSequences(List.of(i - 1, i - 1)).eltwise(ElementwiseOp.values()[1 + r.nextInt(4)], 2);
            } else if (kind == 3 && in.height() <= 16 && in.width() <= 16) {
                b = weighted(Layer.builder(i, Operation.CONV_TRANSPOSE2D), r).kernel(Window.square(3))
                        .padding(Window.ONE).stride(Window.square(2)).outputPadding(Window.ONE);
            } else if (kind == 4) {
                b = weighted(Layer.builder(i, Operation.LINEAR), r).flatten(true).outputWidth(32);
            } else {
                int k = r.nextBoolean() ? 3 : 1;
                b = weighted(Layer.builder(i, Operation.CONV2D), r).kernel(Window.square(k))
                        .padding(Window.square(k / 2)).activation(Activation.values()[r.nextInt(3)]);
                if (in.height() >= 2 && in.width() >= 2 && r.nextBoolean()) {
                    b.pooling(Pooling.MAX, Window.square(2), Window.square(2));
                }
            }
            b.name(r.nextBoolean() ? "layer" + i : null).output(last && r.nextBoolean())
                    .mapping(new ProcessorMapping(r.nextLong(), r.nextLong(), r.nextInt(0x8000) - 1,
                            r.nextInt(0x8000), r.nextInt(3)));
            layers.add(b.build());
        }
        Network network = new Network("random-" + seed, input, r.nextBoolean() ? DataFormat.CHW : DataFormat.HWC,
                layers);
        return withRandomParameters(network, seed);
    }

    private static Layer.Builder weighted(Layer.Builder b, SplittableRandom r) {
        return b.outputChannels(1 + r.nextInt(12)).weightBits(1 << r.nextInt(4)).bias(r.nextBoolean())
                .outputShift(r.nextInt(31) - 15);
    }
}
