package io.synergy.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TensorCodecTest {

    static IntStream seeds() {
        return IntStream.range(0, 25);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void int8TensorsRoundTripThroughTheirRawBytes(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Shape shape = new Shape(1 + random.nextInt(8), 1 + random.nextInt(9), 1 + random.nextInt(9));
        byte[] values = new byte[shape.elements()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (byte) random.nextInt(256);
        }
        Int8Tensor tensor = Int8Tensor.of(shape, values);

        byte[] encoded = TensorCodec.encode(tensor);

        assertThat(encoded).containsExactly(values);
        assertThat(TensorCodec.decode(encoded, shape, 8)).isEqualTo(tensor);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void wideTensorsRoundTripAsLittleEndianInt32(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Shape shape = new Shape(1 + random.nextInt(16), 1, 1 + random.nextInt(4));
        int[] values = random.ints(shape.elements()).toArray();
        WideTensor tensor = WideTensor.of(shape, values);

        byte[] encoded = TensorCodec.encode(tensor);

        assertThat(encoded).hasSize(4 * values.length);
        int first = (encoded[0] & 0xff) | (encoded[1] & 0xff) << 8 | (encoded[2] & 0xff) << 16 | encoded[3] << 24;
        assertThat(first).isEqualTo(values[0]);
        assertThat(TensorCodec.decode(encoded, shape, 32)).isEqualTo(tensor);
    }

    @Test
    void rejectsByteCountThatDoesNotMatchTheShape() {
        assertThatThrownBy(() -> TensorCodec.decode(new byte[11], new Shape(3, 2, 2), 8))
                .hasMessageContaining("3x2x2").hasMessageContaining("needs 12 bytes, got 11");
    }

    @Test
    void rejectsWidthOtherThanEightOrThirtyTwoBits() {
        assertThatThrownBy(() -> TensorCodec.decode(new byte[8], new Shape(4, 1, 1), 16))
                .hasMessageContaining("must be 8 or 32 bits, got 16");
    }

    @Test
    void rejectsIntsOutsideTheInt8Range() {
        assertThatThrownBy(() -> Int8Tensor.fromInts(new Shape(2, 1, 1), new int[] {5, 128}))
                .hasMessageContaining("element 1 is 128");
    }
}
