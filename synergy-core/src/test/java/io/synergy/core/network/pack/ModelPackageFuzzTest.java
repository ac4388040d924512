package io.synergy.core.network.pack;

import io.synergy.core.network.Model;
import io.synergy.core.network.fuzz.ByteMutations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Property: no mutant of a valid model package makes the reader hang, run out of memory or throw
 * anything but {@link MalformedModelPackageException}. Three layers: the file as a whole (mostly
 * stopped by the CRC), the manifest and weights blob re-sealed with a valid CRC (so the mutations
 * reach the manifest reader and the blob offsets), and the manifest's numbers replaced by extremes
 * (shapes, shifts, offsets, counts) while the JSON stays well-formed.
 */
class ModelPackageFuzzTest {

    private static final Duration NO_HANG = Duration.ofSeconds(20);
    private static final int CASES = 120;
    private static final byte[][] VALID = LongStream.range(0, 8)
            .mapToObj(seed -> ModelPackage.write(RandomModels.randomModel(seed))).toArray(byte[][]::new);
    private static final String[] EXTREMES = {"-1", "0", "1", "15", "16", "-16", "65535", "2147483647", "-2147483648",
            "9223372036854775807", "99999999999999999999", "1e308", "0.5"};
    private static final Pattern NUMBER = Pattern.compile("(?<=[:\\[,])-?[0-9]+");

    static LongStream seeds() {
        return LongStream.range(0, CASES);
    }

    @ParameterizedTest(name = "file mutant {0}")
    @MethodSource("seeds")
    void aMutatedFileIsReadOrRejectedWithAClearError(long seed) {
        assertReadOrRejected(ByteMutations.mutate(valid(seed), seed), seed);
    }

    @ParameterizedTest(name = "resealed mutant {0}")
    @MethodSource("seeds")
    void aMutatedManifestOrBlobUnderAValidChecksumIsReadOrRejectedWithAClearError(long seed) {
        byte[][] parts = split(valid(seed));
        byte[] mutant = seed % 2 == 0
                ? ModelPackage.assemble(ByteMutations.mutate(parts[0], seed), parts[1])
                : ModelPackage.assemble(parts[0], ByteMutations.mutate(parts[1], seed));
        assertReadOrRejected(mutant, seed);
    }

    @ParameterizedTest(name = "extreme numbers {0}")
    @MethodSource("seeds")
    void extremeNumbersInAWellFormedManifestAreRejectedWithAClearError(long seed) {
        byte[][] parts = split(valid(seed));
        String manifest = new String(parts[0], StandardCharsets.UTF_8);
        SplittableRandom random = new SplittableRandom(seed);
        Matcher numbers = NUMBER.matcher(manifest);
        StringBuilder mutated = new StringBuilder();
        while (numbers.find()) {
            String replacement = random.nextInt(12) == 0 ? EXTREMES[random.nextInt(EXTREMES.length)] : numbers.group();
            numbers.appendReplacement(mutated, replacement);
        }
        numbers.appendTail(mutated);
        assertReadOrRejected(ModelPackage.assemble(mutated.toString().getBytes(StandardCharsets.UTF_8), parts[1]), seed);
    }

    private static byte[] valid(long seed) {
        return VALID[(int) (seed % VALID.length)];
    }

    /** The manifest and the blob of a valid package. */
    private static byte[][] split(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int manifestLength = in.getInt(12);
        long blobLength = in.getLong(16);
        int start = ModelPackage.HEADER_BYTES;
        return new byte[][] {Arrays.copyOfRange(file, start, start + manifestLength),
                Arrays.copyOfRange(file, start + manifestLength, start + manifestLength + (int) blobLength)};
    }

    private static void assertReadOrRejected(byte[] mutant, long seed) {
        assertTimeoutPreemptively(NO_HANG, () -> {
            try {
                Model model = ModelPackage.read(mutant);
                assertThat(model).isNotNull();
            } catch (MalformedModelPackageException e) {
                assertThat(e.getMessage()).as("seed %d", seed).isNotBlank();
            }
        }, () -> "seed " + seed + " did not finish in " + NO_HANG);
    }
}
