package io.synergy.core.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import io.synergy.core.accelerator.Emulator;
import io.synergy.core.network.Activations;
import io.synergy.core.network.Model;
import io.synergy.core.network.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: for every zoo model and seeded random split points, running the segments on separate
 * emulated devices, with the live tensors passed between them as binary codec bytes, gives the whole
 * model's outputs bit for bit (skip connections across a split included).
 */
class ZooSplitEquivalenceTest {

    /** Cases per model; the two models that exceed one MAX78000 are the slow ones to emulate. */
    private static int casesFor(String name) {
        return name.equals("efficientnetv2") || name.equals("mobilenetv2-0.75") ? 1 : 3;
    }

    static Stream<Arguments> splits() {
        List<Arguments> cases = new ArrayList<>();
        for (String name : Zoo.names()) {
            int layers = Zoo.architecture(name).size();
            SplittableRandom random = new SplittableRandom(GeneratedWeights.seedOf(name) ^ 0x5B117L);
            for (int k = 0; k < casesFor(name); k++) {
                int cuts = 1 + random.nextInt(Math.min(4, layers - 1));
                TreeSet<Integer> points = new TreeSet<>();
                while (points.size() < cuts) {
                    points.add(1 + random.nextInt(layers - 1));
                }
                cases.add(Arguments.of(name, List.copyOf(points), random.nextLong()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} split at {1}")
    @MethodSource("splits")
    void segmentsOnSeparateDevicesEqualTheWholeModel(String name, List<Integer> cuts, long inputSeed) {
        Model model = Zoo.model(name);
        Network network = model.network();
        Activations input = Activations.input(Zoo.randomInput(name, inputSeed));
        Activations whole = new Emulator(model).run(input, 0, network.size());

        List<Integer> bounds = new ArrayList<>();
        bounds.add(0);
        bounds.addAll(cuts);
        bounds.add(network.size());
        byte[] wire = input.encode();
        for (int s = 0; s + 1 < bounds.size(); s++) {
            int from = bounds.get(s);
            int to = bounds.get(s + 1);
            Emulator device = new Emulator(model);
            Activations received = Activations.decode(wire, network, from);
            wire = device.run(received, from, to).encode();
        }
        Activations split = Activations.decode(wire, network, network.size());

        assertThat(split).isEqualTo(whole);
    }
}
