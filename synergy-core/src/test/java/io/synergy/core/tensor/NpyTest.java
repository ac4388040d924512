package io.synergy.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NpyTest {

    /** A version 1.0 file with the given header dict and raw data, as NumPy lays it out. */
    static byte[] npy(String dict, byte[] data) {
        return npy(1, dict, data);
    }

    static byte[] npy(int major, String dict, byte[] data) {
        byte[] header = (dict + "\n").getBytes(StandardCharsets.ISO_8859_1);
        int lengthBytes = major == 1 ? 2 : 4;
        ByteBuffer b = ByteBuffer.allocate(8 + lengthBytes + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) header.length);
        } else {
            b.putInt(header.length);
        }
        return b.put(header).put(data).array();
    }

    static byte[] littleEndianLongs(long... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    static Stream<Path> referenceArrays() throws IOException {
        Path conformance = Path.of(System.getProperty("synergy.shared.dir")).resolve("conformance");
        try (Stream<Path> files = Files.walk(conformance)) {
            return files.filter(p -> p.toString().endsWith(".npy")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("referenceArrays")
    void readsEveryReferenceArrayOfTheConformanceData(Path file) {
        NpyArray array = Npy.read(file);

        assertThat(array.dtype()).isIn("<i8", "<i4");
        assertThat(array.elementCount()).isEqualTo(Arrays.stream(array.dims()).reduce(1, (a, b) -> a * b));
        if (file.getFileName().toString().equals("input.npy")) {
            assertThat(IntStream.of(array.values()).allMatch(v -> v >= -128 && v <= 127)).isTrue();
        }
    }

    @Test
    void readsTheMnistInputAsAOneChannelImage() {
        Path file = Path.of(System.getProperty("synergy.shared.dir")).resolve("conformance/mnist/input.npy");

        NpyArray array = Npy.read(file);

        assertThat(array.dims()).containsExactly(1, 28, 28);
        assertThat(array.dtype()).isEqualTo("<i8");
        assertThat(array.shape()).isEqualTo(new Shape(1, 28, 28));
    }

    @Test
    void readsEverySupportedIntegerType() {
        assertThat(Npy.read(npy("{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }",
                littleEndianLongs(-5, 7))).values()).containsExactly(-5, 7);
        ByteBuffer ints = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(-70000).putInt(3);
        assertThat(Npy.read(npy("{'descr': '<i4', 'fortran_order': False, 'shape': (1, 2), }", ints.array())).values())
                .containsExactly(-70000, 3);
        ByteBuffer shorts = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) -300).putShort((short) 2);
        assertThat(Npy.read(npy("{'descr': '<i2', 'fortran_order': False, 'shape': (2,), }", shorts.array())).values())
                .containsExactly(-300, 2);
        assertThat(Npy.read(npy("{'descr': '|i1', 'fortran_order': False, 'shape': (2,), }", new byte[] {-1, 5})).values())
                .containsExactly(-1, 5);
        assertThat(Npy.read(npy("{'descr': '|u1', 'fortran_order': False, 'shape': (2,), }", new byte[] {-1, 5})).values())
                .containsExactly(255, 5);
    }

    @Test
    void readsVersionTwoHeadersAndAScalar() {
        NpyArray scalar = Npy.read(npy(2, "{'descr': '<i8', 'fortran_order': False, 'shape': (), }", littleEndianLongs(42)));

        assertThat(scalar.dims()).isEmpty();
        assertThat(scalar.values()).containsExactly(42);
    }

    @Test
    void readsKeysInAnyOrderAndDoubleQuotes() {
        NpyArray a = Npy.read(npy("{\"shape\": (1,), \"fortran_order\": False, \"descr\": \"|i1\"}", new byte[] {9}));

        assertThat(a.values()).containsExactly(9);
    }

    static List<Object[]> malformed() {
        String ok = "'fortran_order': False, 'shape': (2,), }";
        return List.of(
                new Object[] {npy("{'descr': '<i4', 'fortran_order': True, 'shape': (1,), }", new byte[4]),
                        "Fortran (column-major) order is not supported"},
                new Object[] {npy("{'descr': '>i4', " + ok, new byte[8]), "dtype '>i4' is not supported"},
                new Object[] {npy("{'descr': '<f4', " + ok, new byte[8]), "dtype '<f4' is not supported"},
                new Object[] {npy("{'descr': '|O', " + ok, new byte[8]), "dtype '|O' is not supported"},
                new Object[] {npy("{'descr': '<i4', " + ok, new byte[7]), "truncated: shape [2] of <i4 needs 8 data bytes, 7 remain"},
                new Object[] {npy("{'descr': '<i4', " + ok, new byte[9]), "1 bytes follow the array data"},
                new Object[] {npy("{'descr': '<i8', " + ok, littleEndianLongs(1, 1L << 40)),
                        "element 1 is 1099511627776, outside the int32 range"},
                new Object[] {npy("{'descr': '|i1', 'fortran_order': False, 'shape': (65536, 65536), }", new byte[0]),
                        "has more than 268435456 elements"},
                new Object[] {npy("{'descr': '|i1', 'fortran_order': False, 'shape': (99999999999,), }", new byte[0]),
                        "a shape entry must be an integer from 0 to 2147483647"},
                new Object[] {npy("{'descr': '|i1', 'fortran_order': False, 'shape': (-1,), }", new byte[0]),
                        "a shape entry must be an integer"},
                new Object[] {npy("{'descr': '|i1', 'fortran_order': False}", new byte[0]),
                        "must have exactly the keys descr, fortran_order and shape"},
                new Object[] {npy("{'descr': '|i1', 'fortran_order': False, 'shape': __import__('os'), }", new byte[0]),
                        "unsupported value"},
                new Object[] {npy("{'descr': '|i1', 'fortran_order': False, 'shape': (1,)", new byte[1]),
                        "header ends early"},
                new Object[] {npy(4, "{}", new byte[0]), "format version 4.0 is not supported"},
                new Object[] {"GIF89a....".getBytes(StandardCharsets.ISO_8859_1), "not a .npy file"},
                new Object[] {Arrays.copyOf(npy("{'descr': '|i1', " + ok, new byte[2]), 20),
                        "truncated: the header needs"});
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void rejectsAMalformedFileSayingWhatIsWrong(byte[] file, String message) {
        assertThatThrownBy(() -> Npy.read(file)).isInstanceOf(NpyFormatException.class).hasMessageContaining(message);
    }

    @Test
    void rejectsAHeaderLongerThanTheLimit() {
        byte[] file = npy(2, "{'descr': '|i1'" + " ".repeat(Npy.MAX_HEADER_BYTES) + "}", new byte[0]);

        assertThatThrownBy(() -> Npy.read(file)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("exceeds the limit of " + Npy.MAX_HEADER_BYTES);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void writtenInt8AndInt32ArraysReadBackExactly(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] dims = IntStream.range(0, 1 + random.nextInt(3)).map(i -> 1 + random.nextInt(7)).toArray();
        int count = Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        byte[] bytes = new byte[count];
        int[] ints = new int[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) random.nextInt(256);
            ints[i] = random.nextInt();
        }

        NpyArray int8 = Npy.read(Npy.writeInt8(dims, bytes));
        NpyArray int32 = Npy.read(Npy.writeInt32(dims, ints));

        assertThat(int8.dims()).isEqualTo(dims);
        assertThat(int8.dtype()).isEqualTo("|i1");
        assertThat(int8.values()).isEqualTo(IntStream.range(0, count).map(i -> bytes[i]).toArray());
        assertThat(int32.dims()).isEqualTo(dims);
        assertThat(int32.values()).isEqualTo(ints);
    }

    @Test
    void writesTheHeaderAsNumPyDoesWithDataAlignedTo64Bytes() {
        byte[] file = Npy.writeInt32(new int[] {3}, new int[] {1, 2, 3});

        String header = new String(file, 10, file.length - 10 - 12, StandardCharsets.ISO_8859_1);
        assertThat(header).startsWith("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }").endsWith("\n");
        assertThat((file.length - 12) % 64).isZero();
    }

    @Test
    void writesTensorsChannelFirstWithTheirWidth() {
        Int8Tensor narrow = Int8Tensor.fromInts(new Shape(2, 1, 2), new int[] {1, -2, 3, -4});
        WideTensor wide = WideTensor.of(new Shape(1, 1, 2), new int[] {1 << 20, -7});

        assertThat(Npy.read(Npy.write(narrow)).toInt8Tensor()).isEqualTo(narrow);
        NpyArray readWide = Npy.read(Npy.write(wide));
        assertThat(readWide.dtype()).isEqualTo("<i4");
        assertThat(readWide.toWideTensor()).isEqualTo(wide);
    }

    @Test
    void rejectsWritingValuesThatDoNotMatchTheDimensions() {
        assertThatThrownBy(() -> Npy.writeInt8(new int[] {2, 2}, new byte[3])).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("dimensions [2, 2] need 4 values, got 3");
    }
}
