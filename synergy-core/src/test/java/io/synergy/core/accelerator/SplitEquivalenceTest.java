package io.synergy.core.accelerator;

import static io.synergy.core.accelerator.RandomModels.flat;
import static io.synergy.core.accelerator.RandomModels.input;
import static io.synergy.core.accelerator.RandomModels.values;
import static io.synergy.core.accelerator.RandomModels.withRandomParameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synergy.core.network.Activations;
import io.synergy.core.network.Layer;
import io.synergy.core.network.Model;
import io.synergy.core.network.Network;
import io.synergy.core.network.DataFormat;
import io.synergy.core.network.Operation;
import io.synergy.core.tensor.Shape;
import io.synergy.core.tensor.Int8Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any split of a network into segments, run one after another on separate emulators with the
 * activations encoded and decoded between them, equals the whole-network run bit for bit.
 */
class SplitEquivalenceTest {

    static LongStream seeds() {
        return LongStream.range(0, 80);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void segmentsRunInSequenceThroughTheCodecEqualTheWholeRun(long seed) {
        Random r = new Random(seed);
        Network network = RandomNetworks.generate(r);
        Model model = withRandomParameters(network, r);
        Int8Tensor x = input(network.inputShape(), r);
        Activations whole = new Emulator(model).run(x);

        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, network.size()));
        int extra = r.nextInt(network.size());
        for (int i = 0; i < extra; i++) {
            cuts.add(r.nextInt(network.size() + 1));
        }
        List<Integer> points = new ArrayList<>(cuts);
        Activations carried = Activations.input(x);
        for (int i = 0; i + 1 < points.size(); i++) {
            int from = points.get(i);
            int to = points.get(i + 1);
            Activations out = new Emulator(model).run(carried, from, to);
            out.requireLiveAt(network, to);
            carried = Activations.decode(out.encode(), network, to);
        }

        assertThat(carried).as("split at %s", points).isEqualTo(whole);
        assertThat(whole.ids()).isEqualTo(network.outputLayers());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyLayerEqualsTheReferenceOnItsConcatenatedSources(long seed) {
        Random r = new Random(seed);
        Network network = RandomNetworks.generate(r);
        Model model = withRandomParameters(network, r);
        Int8Tensor x = input(network.inputShape(), r);

        Trace trace = new Emulator(model).trace(Activations.input(x), 0, network.size());

        for (Layer layer : network.layers()) {
            List<long[][][]> sources = new ArrayList<>();
            for (int s : layer.sources()) {
                sources.add(values(s == Layer.NETWORK_INPUT ? x : trace.layer(s).output()));
            }
            Reference.Result expected = Reference.layer(model, layer.index(), sources);
            assertThat(flat(trace.layer(layer.index()).output())).as("layer %s", layer)
                    .containsExactly(flat(expected.output()));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aReusedEmulatorForgetsEverythingOfItsPreviousRun(long seed) {
        Random r = new Random(seed);
        Network network = RandomNetworks.generate(r);
        Model model = withRandomParameters(network, r);
        Int8Tensor first = input(network.inputShape(), r);
        Int8Tensor second = input(network.inputShape(), r);
        Emulator reused = new Emulator(model);
        reused.run(first);

        assertThat(reused.run(second)).isEqualTo(new Emulator(model).run(second));
    }

    @Test
    void rejectsActivationsThatLackATensorTheSegmentNeeds() {
        Network network = new Network("chain", new Shape(2, 4, 4), DataFormat.CHW, List.of(
                Layer.builder(0, Operation.CONV2D).outputChannels(3).build(),
                Layer.builder(1, Operation.CONV2D).outputChannels(3).build()));
        Model model = withRandomParameters(network, new Random(1));
        Activations onlyInput = Activations.input(Int8Tensor.zeros(network.inputShape()));

        assertThatThrownBy(() -> new Emulator(model).run(onlyInput, 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no tensor 0");
    }

    @Test
    void rejectsATensorOfTheWrongShape() {
        Network network = new Network("chain", new Shape(2, 4, 4), DataFormat.CHW, List.of(
                Layer.builder(0, Operation.CONV2D).outputChannels(3).build()));
        Model model = withRandomParameters(network, new Random(1));
        Activations wrong = Activations.input(Int8Tensor.zeros(new Shape(2, 4, 5)));

        assertThatThrownBy(() -> new Emulator(model).run(wrong, 0, 1))
                .hasMessageContaining("tensor -1 must be 2x4x4 at 8 bits, got 2x4x5");
    }
}
