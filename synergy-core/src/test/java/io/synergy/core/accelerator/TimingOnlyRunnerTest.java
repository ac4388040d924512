package io.synergy.core.accelerator;

import static io.synergy.core.accelerator.RandomModels.input;
import static io.synergy.core.accelerator.RandomModels.withRandomParameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synergy.core.network.Activations;
import io.synergy.core.network.Model;
import io.synergy.core.network.Network;
import io.synergy.core.tensor.Int8Tensor;
import io.synergy.core.tensor.Tensor;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Without arithmetic, a segment still takes and gives exactly what the emulator does, shape for shape. */
class TimingOnlyRunnerTest {

    static LongStream seeds() {
        return LongStream.range(0, 30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void producesTheEmulatorsTensorsShapesAndBytesAndPassesCrossingTensorsOn(long seed) {
        Random r = new Random(seed);
        Network network = RandomNetworks.generate(r);
        Model model = withRandomParameters(network, r);
        int from = r.nextInt(network.size() + 1);
        int to = from + r.nextInt(network.size() - from + 1);
        Activations in = new Emulator(model).run(Activations.input(input(network.inputShape(), r)), 0, from);

        Activations exact = new Emulator(model).run(in, from, to);
        Activations timed = new TimingOnlyRunner(model).run(in, from, to);

        assertThat(timed.ids()).isEqualTo(exact.ids());
        assertThat(timed.encode()).hasSameSizeAs(exact.encode());
        for (int id : timed.ids()) {
            Tensor t = timed.tensor(id);
            assertThat(t.shape()).isEqualTo(exact.tensor(id).shape());
            assertThat(t.widthBits()).isEqualTo(exact.tensor(id).widthBits());
            if (id < from) {
                assertThat(t).as("tensor %d crosses the segment", id).isEqualTo(in.tensor(id));
            }
        }
    }

    @Test
    void rejectsASegmentBeyondTheNetwork() {
        Random r = new Random(3);
        Network network = RandomNetworks.generate(r);
        Model model = withRandomParameters(network, r);

        assertThatThrownBy(() -> new TimingOnlyRunner(model).run(Activations.input(Int8Tensor.zeros(
                network.inputShape())), network.size(), network.size() + 1))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("need 0 <= from <= to <= ");
    }
}
