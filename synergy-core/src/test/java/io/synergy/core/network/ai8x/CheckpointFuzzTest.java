package io.synergy.core.network.ai8x;

import io.synergy.core.network.fuzz.ByteMutations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Property: no mutant of a valid checkpoint makes the reader hang, run out of memory or throw
 * anything but {@link ModelImportException}. Two layers are fuzzed: the zip archive as a whole, and
 * the pickle inside a well-formed archive (so the mutations reach the restricted unpickler past the
 * zip's CRC check). Seeds are fixed; a failing seed replays.
 */
class CheckpointFuzzTest {

    /** A safety net against hangs, not a performance bound: each read takes milliseconds. */
    private static final Duration NO_HANG = Duration.ofSeconds(20);
    private static final int CASES = 160;

    private static final TorchCheckpoints VALID = TorchCheckpoints.checkpoint()
            .tensor("conv1.weight", new int[] {2, 1, 3, 3}, floats(18))
            .tensor("conv1.bias", new int[] {2}, 0.5f, -0.5f)
            .scalar("conv1.output_shift", -1f)
            .tensor("fc.weight", new int[] {3, 4}, floats(12));

    private static final byte[] VALID_ARCHIVE = VALID.build();
    private static final byte[] VALID_PICKLE = VALID.pickle();

    static LongStream seeds() {
        return LongStream.range(0, CASES);
    }

    @ParameterizedTest(name = "archive mutant {0}")
    @MethodSource("seeds")
    void aMutatedArchiveIsReadOrRejectedWithAClearError(long seed) {
        byte[] mutant = ByteMutations.mutate(VALID_ARCHIVE, seed);
        assertReadOrRejected(mutant, seed);
    }

    @ParameterizedTest(name = "pickle mutant {0}")
    @MethodSource("seeds")
    void aMutatedPickleInAWellFormedArchiveIsReadOrRejectedWithAClearError(long seed) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("archive/data.pkl", ByteMutations.mutate(VALID_PICKLE, seed));
        entries.putAll(VALID.storages());
        entries.put("archive/version", "3\n".getBytes());
        assertReadOrRejected(TorchCheckpoints.zip(entries, seed % 2 == 0), seed);
    }

    private static void assertReadOrRejected(byte[] mutant, long seed) {
        assertTimeoutPreemptively(NO_HANG, () -> {
            try {
                Checkpoint checkpoint = Checkpoint.read(mutant);
                assertThat(checkpoint).isNotNull();
            } catch (ModelImportException e) {
                assertThat(e.getMessage()).as("seed %d (%s)", seed, ByteMutations.kindOf(seed)).isNotBlank();
            }
        }, () -> "seed " + seed + " (" + ByteMutations.kindOf(seed) + ") did not finish in " + NO_HANG);
    }

    private static float[] floats(int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (i % 7 - 3) / 4f;
        }
        return values;
    }
}
