package io.synergy.core.planning;

import io.synergy.core.network.DataFormat;
import io.synergy.core.network.Layer;
import io.synergy.core.network.Network;
import io.synergy.core.network.Operation;
import io.synergy.core.network.Pooling;
import io.synergy.core.network.Window;
import io.synergy.core.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small synthetic CNNs for planner tests: 3x3 convolutions with optional 2x2 max pooling, then a classifier. */
public final class TestNetworks {

    private TestNetworks() {
    }

    /** A conv chain with the given output channels; pooling before every layer listed in {@code pooledLayers}. */
    public static Network chain(String name, Shape input, int[] channels, int... pooledLayers) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < channels.length; i++) {
            Layer.Builder b = Layer.builder(i, Operation.CONV2D).kernel(Window.square(3)).padding(Window.ONE)
                    .outputChannels(channels[i]).bias(true);
            for (int p : pooledLayers) {
                if (p == i) {
                    b.pooling(Pooling.MAX, Window.square(2), Window.square(2));
                }
            }
            layers.add(b.build());
        }
        layers.add(Layer.builder(channels.length, Operation.LINEAR).flatten(true).outputChannels(10)
                .outputWidth(32).build());
        return new Network(name, input, DataFormat.CHW, layers);
    }

    /** A random chain of 3 to {@code maxConv} convolutions on a 3x32x32 input, reproducible from the seed. */
    public static Network random(String name, long seed, int maxConv) {
        Random random = new Random(seed);
        int n = 3 + random.nextInt(Math.max(1, maxConv - 2));
        int[] choices = {16, 32, 48, 64, 96, 128};
        int[] channels = new int[n];
        List<Integer> pooled = new ArrayList<>();
        int size = 32;
        for (int i = 0; i < n; i++) {
            channels[i] = choices[random.nextInt(choices.length)];
            if (i > 0 && size > 4 && random.nextInt(3) == 0) {
                pooled.add(i);
                size /= 2;
            }
        }
        return chain(name, new Shape(3, 32, 32), channels, pooled.stream().mapToInt(Integer::intValue).toArray());
    }
}
