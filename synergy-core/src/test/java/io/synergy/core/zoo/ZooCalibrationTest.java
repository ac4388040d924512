package io.synergy.core.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import io.synergy.core.accelerator.Emulator;
import io.synergy.core.accelerator.LayerTrace;
import io.synergy.core.accelerator.Trace;
import io.synergy.core.network.Activations;
import io.synergy.core.network.Layer;
import io.synergy.core.network.Model;
import io.synergy.core.network.Network;
import io.synergy.core.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated parameters keep activations inside int8: on seeded inputs other than the calibration
 * input, no 8-bit layer of any zoo model saturates more than {@value #MAX_SATURATED_FRACTION} of its
 * outputs (values -128 or 127), and every one has at least {@value #MIN_NON_ZERO_FRACTION} non-zero
 * outputs (ReLU zeroes about half).
 */
class ZooCalibrationTest {

    /** The stated bound; calibration itself allows 0.1 % on its own input (ShiftCalibration). */
    static final double MAX_SATURATED_FRACTION = 0.01;
    static final double MIN_NON_ZERO_FRACTION = 0.05;

    static List<String> zooNames() {
        return Zoo.names();
    }

    @ParameterizedTest
    @MethodSource("zooNames")
    void activationsStayInsideInt8OnFreshInputs(String name) {
        Model model = Zoo.model(name);
        Network network = model.network();
        Emulator emulator = new Emulator(model);
        SoftAssertions softly = new SoftAssertions();
        for (long seed : new long[] {101, 202}) {
            Trace trace = emulator.trace(Activations.input(Zoo.randomInput(name, seed)), 0, network.size());
            for (LayerTrace layer : trace.layers()) {
                if (network.layer(layer.layer()).isWide()) {
                    continue;
                }
                Tensor out = layer.output();
                String at = name + " layer " + layer.layer() + ", input seed " + seed + ": ";
                softly.assertThat(saturatedFraction(out)).as(at + "saturated fraction")
                        .isLessThanOrEqualTo(MAX_SATURATED_FRACTION);
                softly.assertThat(nonZero(out) / (double) out.shape().elements()).as(at + "non-zero fraction")
                        .isGreaterThanOrEqualTo(MIN_NON_ZERO_FRACTION);
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @MethodSource("zooNames")
    void shiftsLieInTheToolchainRangeAndWideOutputsAreUnshifted(String name) {
        for (Layer layer : Zoo.network(name).layers()) {
            assertThat(layer.outputShift()).as(name + " layer " + layer.index())
                    .isBetween(ShiftCalibration.MIN_SHIFT, ShiftCalibration.MAX_SHIFT);
            if (layer.isWide() || !layer.hasWeights()) {
                assertThat(layer.outputShift()).as(name + " layer " + layer.index()).isZero();
            }
        }
    }

    @Test
    void dependsOnlyOnTheModelName() {
        Model once = ShiftCalibration.calibrate(Zoo.architecture("convnet5"));
        Model again = ShiftCalibration.calibrate(Zoo.architecture("convnet5"));

        assertThat(again.parameters()).isEqualTo(once.parameters());
        assertThat(again.network().layers()).isEqualTo(once.network().layers());
        assertThat(Zoo.randomInput("kws", 7)).isEqualTo(Zoo.randomInput("kws", 7));
        assertThat(Zoo.randomInput("kws", 7)).isNotEqualTo(Zoo.randomInput("kws", 8));
    }

    @Test
    void drawsWeightsUniformlyFromTheSymmetricPartOfTheValidRange() {
        Network simplenet = Zoo.architecture("simplenet");
        List<byte[]> weights = GeneratedWeights.generate(simplenet, new SplittableRandom(1));

        for (Layer layer : simplenet.layers()) {
            int limit = (1 << (layer.weightBits() - 1)) - 1;
            int[] counts = new int[2 * limit + 1];
            for (byte w : weights.get(layer.index())) {
                assertThat((int) w).as("layer " + layer.index()).isBetween(-limit, limit);
                counts[w + limit]++;
            }
            double expected = weights.get(layer.index()).length / (double) counts.length;
            if (expected < 200) {
                continue;  // too few draws per value to judge uniformity
            }
            for (int count : counts) {
                assertThat(count).as("layer %d, %d-bit: every value about equally often", layer.index(),
                        layer.weightBits()).isBetween((int) (0.8 * expected), (int) (1.2 * expected) + 1);
            }
        }
    }

    @Test
    void givesTheOperandsOfAnElementWiseSumAShareOfTheRange() {
        Network ressimplenet = Zoo.architecture("ressimplenet");

        int[] headroom = ShiftCalibration.headroom(ressimplenet);

        assertThat(headroom[3]).as("layer 3 is added to layer 2 by layer 4").isEqualTo(2);
        assertThat(headroom[1]).as("layer 1 reaches layer 4 through the passthrough copy 2").isEqualTo(2);
        assertThat(headroom[0]).as("layer 0 feeds a convolution only").isEqualTo(1);
    }

    @Test
    void choosesTheLargestShiftThatKeepsAllButTheAllowedFractionInRange() {
        long[] accumulators = new long[2000];
        for (int i = 0; i < accumulators.length; i++) {
            accumulators[i] = i % 2 == 0 ? 1000 : -1000;
        }
        accumulators[0] = 100_000;
        accumulators[1] = -100_000;

        // 1000 * 2^s / 128 <= 127 holds up to s = 4; the two outliers (0.1 %) may clip.
        assertThat(ShiftCalibration.shift(accumulators, null, 1, 1)).isEqualTo(4);
        assertThat(ShiftCalibration.shift(accumulators, null, 1, 2)).as("half the range").isEqualTo(3);
        accumulators[2] = 100_000;
        assertThat(ShiftCalibration.shift(accumulators, null, 1, 1)).as("three outliers are too many")
                .isEqualTo(-3);
        assertThat(ShiftCalibration.shift(new long[8], null, 1, 1)).as("all zero").isZero();
    }

    private static double saturatedFraction(Tensor t) {
        int n = t.shape().elements();
        int saturated = 0;
        for (int i = 0; i < n; i++) {
            int v = t.at(i);
            if (v == Byte.MIN_VALUE || v == Byte.MAX_VALUE) {
                saturated++;
            }
        }
        return saturated / (double) n;
    }

    private static int nonZero(Tensor t) {
        int n = t.shape().elements();
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (t.at(i) != 0) {
                count++;
            }
        }
        return count;
    }
}
