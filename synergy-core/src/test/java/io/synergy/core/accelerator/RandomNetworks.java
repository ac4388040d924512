package io.synergy.core.accelerator;

import io.synergy.core.network.Activation;
import io.synergy.core.network.DataFormat;
import io.synergy.core.network.ElementwiseOp;
import io.synergy.core.network.Layer;
import io.synergy.core.network.Network;
import io.synergy.core.network.Operation;
import io.synergy.core.network.Pooling;
import io.synergy.core.network.Window;
import io.synergy.core.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random networks with the structures that matter for splitting: skip connections and
 * concatenations through in_sequences (also of the network input), element-wise layers, pooling,
 * up-sampling, pass-through layers, intermediate output layers and a 32-bit final layer.
 */
final class RandomNetworks {

    private final Random random;
    private final List<Layer> layers = new ArrayList<>();
    /** Shape of tensor id + 1 (index 0 is the network input). */
    private final List<Shape> shapes = new ArrayList<>();

    private RandomNetworks(Random random) {
        this.random = random;
    }

    static Network generate(Random random) {
        return new RandomNetworks(random).build();
    }

    private Network build() {
        Shape input = new Shape(1 + random.nextInt(6), 4 + random.nextInt(13), 4 + random.nextInt(13));
        shapes.add(input);
        int count = 3 + random.nextInt(9);
        while (layers.size() < count - 1) {
            addRandomLayer();
        }
        Shape last = shapes.get(shapes.size() - 1);
        Layer.Builder head = Layer.builder(layers.size(), Operation.LINEAR).flatten(true)
                .outputChannels(1 + random.nextInt(10)).outputWidth(32).bias(random.nextBoolean());
        if (last.elements() > 4000) {
            head = Layer.builder(layers.size(), Operation.CONV2D).outputChannels(1 + random.nextInt(4))
                    .outputWidth(32).pooling(Pooling.AVG, Window.square(2), Window.square(2));
        }
        add(head);
        return new Network("random", input, DataFormat.CHW, layers);
    }

    private void addRandomLayer() {
        int index = layers.size();
        int previous = index - 1;
        Shape prev = shapes.get(index);
        switch (random.nextInt(7)) {
            case 0 -> {
                Layer.Builder b = conv3(index);
                if (prev.height() >= 2 && prev.width() >= 2 && random.nextBoolean()) {
                    b.pooling(random.nextBoolean() ? Pooling.MAX : Pooling.AVG, Window.square(2), Window.square(2));
                }
                add(b);
            }
            case 1 -> add(settings(Layer.builder(index, Operation.CONV2D).outputChannels(1 + random.nextInt(8))));
            case 2 -> {
                int source = randomSource(index);
                Shape s = shapes.get(source + 1);
                Layer.Builder b = Layer.builder(index, Operation.PASSTHROUGH).inSequences(List.of(source))
                        .outputChannels(s.channels());
                if (s.height() >= 2 && s.width() >= 2) {
                    b.pooling(Pooling.MAX, Window.square(2), Window.square(2));
                }
                add(b);
            }
            case 3 -> {
                List<Integer> same = sameShape(previous, prev);
                if (same.size() < 2) {
                    add(conv3(index));
                    return;
                }
                int operands = Math.min(same.size(), 2 + random.nextInt(2));
                List<Integer> sources = same.subList(same.size() - operands, same.size());
                ElementwiseOp op = ElementwiseOp.values()[1 + random.nextInt(ElementwiseOp.values().length - 1)];
                Layer.Builder b = random.nextBoolean()
                        ? Layer.builder(index, Operation.PASSTHROUGH).outputChannels(prev.channels())
                        : conv3(index);
                b.inSequences(sources).eltwise(op, operands).poolFirst(random.nextBoolean());
                if (prev.height() >= 2 && prev.width() >= 2 && random.nextBoolean()) {
                    b.pooling(Pooling.AVG, Window.square(2), Window.square(2));
                }
                add(b);
            }
            case 4 -> {
                List<Integer> sameSize = new ArrayList<>();
                for (int id = -1; id < index; id++) {
                    Shape s = shapes.get(id + 1);
                    if (s.height() == prev.height() && s.width() == prev.width()) {
                        sameSize.add(id);
                    }
                }
                int a = sameSize.get(random.nextInt(sameSize.size()));
                add(conv3(index).inSequences(List.of(previous, a)));
            }
            case 5 -> {
                if (prev.height() > 12 || prev.width() > 12) {
                    add(conv3(index));
                    return;
                }
                add(settings(Layer.builder(index, Operation.CONV_TRANSPOSE2D).outputChannels(1 + random.nextInt(6))
                        .kernel(Window.square(3)).stride(Window.square(2)).padding(Window.ONE)
                        .outputPadding(Window.ONE)));
            }
            default -> add(conv3(index).output(random.nextInt(3) == 0));
        }
    }

    private Layer.Builder conv3(int index) {
        return settings(Layer.builder(index, Operation.CONV2D).outputChannels(1 + random.nextInt(8))
                .kernel(Window.square(3)).padding(Window.ONE));
    }

    private Layer.Builder settings(Layer.Builder b) {
        return b.weightBits(new int[] {2, 4, 8}[random.nextInt(3)]).bias(random.nextBoolean())
                .outputShift(-2 + random.nextInt(3))
                .activation(random.nextBoolean() ? Activation.RELU : Activation.NONE);
    }

    private int randomSource(int index) {
        return -1 + random.nextInt(index + 1);
    }

    /** Tensors of exactly {@code shape}, ending with {@code last}. */
    private List<Integer> sameShape(int last, Shape shape) {
        List<Integer> ids = new ArrayList<>();
        for (int id = -1; id < last; id++) {
            if (shapes.get(id + 1).equals(shape)) {
                ids.add(id);
            }
        }
        ids.add(last);
        return ids;
    }

    private void add(Layer.Builder builder) {
        Layer layer = builder.build();
        layers.add(layer);
        // the network derives the shape; building the prefix also checks the generator
        shapes.add(new Network("prefix", shapes.get(0), DataFormat.CHW, layers).geometry(layer.index()).output());
    }
}
