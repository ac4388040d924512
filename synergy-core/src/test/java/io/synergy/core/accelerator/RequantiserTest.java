package io.synergy.core.accelerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synergy.core.network.Activation;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Requantisation equals y = clip(floor(acc * 2^s / 128 + 1/2)) on exact rationals, then the activation. */
class RequantiserTest {

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void eightBitOutputEqualsTheExactRationalFormula(long seed) {
        Random r = new Random(seed);
        int shift = -22 + r.nextInt(45);
        Activation activation = Activation.values()[r.nextInt(Activation.values().length)];
        Requantiser q = new Requantiser(shift, false, activation);
        int[] ints = new int[500];
        long[] longs = new long[500];
        for (int i = 0; i < ints.length; i++) {
            // near rounding boundaries of this shift, small, and anywhere in the int accumulator range
            int k = Math.max(0, 7 - shift);
            long boundary = (long) (r.nextInt(512) - 256) << k;
            long v = switch (r.nextInt(3)) {
                case 0 -> boundary + (k > 0 ? (1L << (k - 1)) : 0) + r.nextInt(3) - 1;
                case 1 -> r.nextInt(2001) - 1000;
                default -> r.nextInt() >> 1; // [-2^30, 2^30)
            };
            ints[i] = (int) Math.max(-ConvolutionArithmetic.INT_LIMIT, Math.min(ConvolutionArithmetic.INT_LIMIT, v));
            longs[i] = v * (1 + r.nextInt(1 << 20));
        }
        int[] fromInts = new int[ints.length];
        int[] fromLongs = new int[longs.length];
        q.apply(ints, fromInts, ints.length);
        q.apply(longs, fromLongs, longs.length);
        for (int i = 0; i < ints.length; i++) {
            assertThat(fromInts[i]).as("acc %d, shift %d, %s", ints[i], shift, activation)
                    .isEqualTo(Reference.activate(Reference.requantise(ints[i], shift), activation));
            assertThat(fromLongs[i]).as("acc %d, shift %d, %s", longs[i], shift, activation)
                    .isEqualTo(Reference.activate(Reference.requantise(longs[i], shift), activation));
        }
    }

    @Test
    void roundsHalfUpwardAsTheHardwareDoes() {
        Requantiser q = new Requantiser(6, false, Activation.NONE); // divide by 2
        assertThat(q.apply(5)).isEqualTo(3);   // 2.5 -> 3
        assertThat(q.apply(-5)).isEqualTo(-2); // -2.5 -> -2
        assertThat(q.apply(-7)).isEqualTo(-3); // -3.5 -> -3
        assertThat(q.apply(1000)).isEqualTo(127);
        assertThat(q.apply(-1000)).isEqualTo(-128);
    }

    @Test
    void wideOutputIsTheRawAccumulator() {
        Requantiser q = new Requantiser(3, true, Activation.NONE);
        assertThat(q.apply(-123_456_789)).isEqualTo(-123_456_789);
        assertThat(new Requantiser(3, true, Activation.ABS).apply(-123_456_789)).isEqualTo(127);
    }

    @Test
    void rejectsAWideOutputThatDoesNotFit32Bits() {
        Requantiser q = new Requantiser(0, true, Activation.NONE);
        assertThatThrownBy(() -> q.apply(1L << 31)).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("32 bits");
    }
}
