package io.synergy.core.accelerator;

import static org.assertj.core.api.Assertions.assertThat;

import io.synergy.core.network.Activations;
import io.synergy.core.network.Model;
import io.synergy.core.network.Network;
import io.synergy.core.network.ai8x.Ai8xImporter;
import io.synergy.core.network.ai8x.Ai8xProfiles;
import io.synergy.core.tensor.Int8Tensor;
import io.synergy.core.tensor.Npy;
import io.synergy.core.tensor.NpyArray;
import io.synergy.core.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The emulator reproduces the izer's own simulation of the public conformance cases bit for bit
 * (../shared/conformance: every layerNN.npy, layerNN_acc.npy and output.npy), whole and split.
 */
class EmulatorConformanceTest {

    static List<String> cases() {
        return Ai8xProfiles.PUBLIC_CASES;
    }

    private static Model model(Path dir, NpyArray input) {
        return Ai8xImporter.importModel(dir.resolve("network.yaml"), dir.resolve("checkpoint.pth.tar"), input.shape())
                .model();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyLayerOutputAndAccumulatorEqualsTheIzers(String name) {
        Path dir = Ai8xProfiles.caseDir(name);
        NpyArray input = Npy.read(dir.resolve("input.npy"));
        Model model = model(dir, input);
        Network network = model.network();

        Trace trace = new Emulator(model).trace(Activations.input(input.toInt8Tensor()), 0, network.size());

        for (int k = 0; k < network.size(); k++) {
            Path expected = dir.resolve("expected").resolve(String.format("layer%02d.npy", k));
            NpyArray output = Npy.read(expected);
            LayerTrace layer = trace.layer(k);
            assertThat(layer.output().shape()).as("%s layer %d shape", name, k).isEqualTo(output.shape());
            assertThat(layer.output().toIntArray()).as("%s layer %d output", name, k).containsExactly(output.values());
            Path accumulator = dir.resolve("expected").resolve(String.format("layer%02d_acc.npy", k));
            assertThat(layer.hasAccumulator()).as("%s layer %d has weights", name, k)
                    .isEqualTo(Files.exists(accumulator));
            if (layer.hasAccumulator()) {
                long[] acc = Arrays.stream(Npy.read(accumulator).values()).asLongStream().toArray();
                assertThat(layer.accumulator()).as("%s layer %d accumulator", name, k).containsExactly(acc);
            }
        }
        Tensor result = trace.result().tensor(network.outputLayers().get(0));
        assertThat(result.toIntArray()).as("%s output", name)
                .containsExactly(Npy.read(dir.resolve("expected").resolve("output.npy")).values());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everySplitPointThroughTheCodecGivesTheIzersOutput(String name) {
        Path dir = Ai8xProfiles.caseDir(name);
        NpyArray input = Npy.read(dir.resolve("input.npy"));
        Model model = model(dir, input);
        Network network = model.network();
        Int8Tensor x = input.toInt8Tensor();
        int[] expected = Npy.read(dir.resolve("expected").resolve("output.npy")).values();

        for (int split = 0; split <= network.size(); split++) {
            Activations head = new Emulator(model).run(Activations.input(x), 0, split);
            Activations carried = Activations.decode(head.encode(), network, split);
            Activations tail = new Emulator(model).run(carried, split, network.size());

            assertThat(tail.tensor(network.outputLayers().get(0)).toIntArray()).as("%s split at %d", name, split)
                    .containsExactly(expected);
        }
    }

    static List<String> heldOutCases() {
        return Ai8xProfiles.HELDOUT_CASES;
    }

    /** Expected results of the held-out cases are not distributed; their splits must still agree. */
    @ParameterizedTest
    @MethodSource("heldOutCases")
    void everySplitOfAHeldOutCaseEqualsItsWholeRun(String name) {
        Path dir = Ai8xProfiles.caseDir(name);
        NpyArray input = Npy.read(dir.resolve("input.npy"));
        Model model = model(dir, input);
        Network network = model.network();
        Activations in = Activations.input(input.toInt8Tensor());
        Activations whole = new Emulator(model).run(in, 0, network.size());

        for (int split = 0; split <= network.size(); split++) {
            Activations head = new Emulator(model).run(in, 0, split);
            Activations tail = new Emulator(model).run(Activations.decode(head.encode(), network, split), split,
                    network.size());

            assertThat(tail).as("%s split at %d", name, split).isEqualTo(whole);
        }
    }
}
