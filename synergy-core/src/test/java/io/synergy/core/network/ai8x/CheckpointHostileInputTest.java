package io.synergy.core.network.ai8x;

import static io.synergy.core.network.ai8x.TorchCheckpoints.checkpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A checkpoint is untrusted input: nothing in it runs, and every malformed file fails with our error. */
class CheckpointHostileInputTest {

    private static void assertRejected(byte[] file, String message) {
        assertThatThrownBy(() -> Checkpoint.read(file)).isInstanceOf(ModelImportException.class)
                .hasMessageContaining(message);
    }

    @Test
    void rejectsAPickleCallingOsSystemBeforeAnythingIsCalled() {
        byte[] pickle = new PickleBytes().proto(2).global("os", "system").mark().str("touch /tmp/pwned").tuple()
                .reduce().stop().bytes();

        assertRejected(TorchCheckpoints.withPickle(pickle), "refers to global 'os.system' (module 'os', name 'system')");
    }

    @Test
    void rejectsBuiltinsEvalNamedByStackGlobal() {
        byte[] pickle = new PickleBytes().proto(4).stackGlobal("builtins", "eval").mark().str("1+1").tuple()
                .reduce().stop().bytes();

        assertRejected(TorchCheckpoints.withPickle(pickle), "refers to global 'builtins.eval' (module 'builtins', name 'eval')");
    }

    @Test
    void rejectsSubprocessInsideAnOtherwiseValidStateDict() {
        byte[] pickle = new PickleBytes().proto(2).emptyDict().str("state_dict").orderedDict()
                .str("w").global("subprocess", "Popen").mark().str("sh").tuple().reduce()
                .setitem().setitem().stop().bytes();

        assertRejected(TorchCheckpoints.withPickle(pickle), "'subprocess.Popen'");
    }

    @Test
    void rejectsProtocolZeroInstancesOfForbiddenClasses() {
        byte[] pickle = new PickleBytes().mark().str("id").op('i').raw("os\nsystem\n".getBytes()).stop().bytes();

        assertRejected(TorchCheckpoints.withPickle(pickle), "'os.system'");
    }

    @Test
    void rejectsCallingAnAllowedReferenceOnlyGlobal() {
        byte[] pickle = new PickleBytes().proto(2).global("torch.optim.adam", "Adam").emptyTuple().reduce().stop().bytes();

        assertRejected(TorchCheckpoints.withPickle(pickle), "global 'torch.optim.adam.Adam' may be referenced, but not called");
    }

    @Test
    void rejectsAPersistentIdThatIsNotATypedStorage() {
        byte[] pickle = new PickleBytes().proto(2).mark().str("storage").global("torch.optim.sgd", "SGD").str("k")
                .str("cpu").integer(1).tuple().op('Q').stop().bytes();

        assertRejected(TorchCheckpoints.withPickle(pickle), "not a typed storage class");
    }

    @Test
    void rejectsExtensionOpcodes() {
        byte[] pickle = new PickleBytes().proto(2).op(0x82).op(1).stop().bytes();

        assertRejected(TorchCheckpoints.withPickle(pickle), "EXT1/2/4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.sh", "archive/../../etc/passwd", "/etc/passwd", "C:/windows/x", "a\\..\\b", "archive/./data.pkl"})
    void rejectsEntryNamesThatCouldEscapeADirectory(String name) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("archive/data.pkl", checkpoint().pickle());
        entries.put(name, new byte[1]);

        assertRejected(TorchCheckpoints.zip(entries, false), "entry name '" + name + "'");
    }

    static IntStream cutPoints() {
        int length = checkpoint().tensor("w", new int[] {2, 2}, 1, 2, 3, 4).build().length;
        return IntStream.range(0, length).filter(i -> i % 7 == 0 || i > length - 30);
    }

    @ParameterizedTest
    @MethodSource("cutPoints")
    void aTruncatedArchiveFailsWithTheImportError(int length) {
        byte[] file = checkpoint().tensor("w", new int[] {2, 2}, 1, 2, 3, 4).build();

        assertThatThrownBy(() -> Checkpoint.read(Arrays.copyOf(file, length))).isInstanceOf(ModelImportException.class);
    }

    @Test
    void everyTruncationOfThePickleFailsWithTheImportError() {
        byte[] pickle = checkpoint().tensor("w", new int[] {2, 2}, 1, 2, 3, 4).scalar("s", 3).pickle();
        Map<String, byte[]> storages = checkpoint().tensor("w", new int[] {2, 2}, 1, 2, 3, 4).scalar("s", 3).storages();

        for (int length = 0; length < pickle.length; length++) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("archive/data.pkl", Arrays.copyOf(pickle, length));
            entries.putAll(storages);
            byte[] file = TorchCheckpoints.zip(entries, false);
            assertThatThrownBy(() -> Checkpoint.read(file)).as("pickle cut at %d", length)
                    .isInstanceOf(ModelImportException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void aCorruptedPickleEitherReadsOrFailsWithTheImportError(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TorchCheckpoints c = checkpoint().tensor("w", new int[] {2, 3}, 1, 2, 3, 4, 5, 6).scalar("s", 3);
        for (int trial = 0; trial < 50; trial++) {
            byte[] pickle = c.pickle();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                pickle[random.nextInt(pickle.length)] = (byte) random.nextInt(256);
            }
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("archive/data.pkl", pickle);
            entries.putAll(c.storages());
            byte[] file = TorchCheckpoints.zip(entries, false);
            try {
                Checkpoint.read(file);
            } catch (ModelImportException expected) {
                // the only acceptable failure
            }
        }
    }

    @Test
    void rejectsALengthFieldLargerThanThePickle() {
        byte[] pickle = new PickleBytes().proto(2).op('X')
                .raw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(Integer.MAX_VALUE).array())
                .stop().bytes();

        assertRejected(TorchCheckpoints.withPickle(pickle), "declares 2147483647 bytes, but 1 remain");
    }

    @Test
    void rejectsNestingDeeperThanTheLimit() {
        PickleBytes p = new PickleBytes().proto(2);
        for (int i = 0; i < 100; i++) {
            p.emptyList();
        }
        for (int i = 0; i < 99; i++) {
            p.append();
        }
        byte[] file = TorchCheckpoints.withPickle(p.stop().bytes());

        assertRejected(file, "containers nest deeper than the limit of 64");
    }

    @Test
    void rejectsAContainerThatContainsItself() {
        byte[] file = TorchCheckpoints.withPickle(new PickleBytes().proto(2).emptyList().op('2').append().stop().bytes());

        assertRejected(file, "contains itself");
    }

    @Test
    void rejectsAListAsADictKey() {
        byte[] pickle = new PickleBytes().proto(2).emptyDict().emptyList().integer(1).setitem().stop().bytes();

        assertRejected(TorchCheckpoints.withPickle(pickle), "a list cannot be a dict key");
    }

    @Test
    void sharedSubstructuresAreVisitedOnceNotExponentially() {
        // 60 levels of a list holding the level below twice: 2^60 paths, 61 distinct lists (memo 0..60).
        PickleBytes levels = new PickleBytes().emptyList().op('q').op(0).op('0');
        for (int i = 0; i < 60; i++) {
            levels.emptyList().op('h').op(i).append().op('h').op(i).append().op('q').op(i + 1).op('0');
        }
        levels.op('h').op(60);
        byte[] pickle = new PickleBytes().proto(2).emptyDict().str("state_dict").emptyDict().setitem()
                .str("meta").raw(levels.bytes()).setitem().stop().bytes();

        assertThat(Checkpoint.read(TorchCheckpoints.withPickle(pickle)).stateDict()).isEmpty();
    }

    @Test
    void enforcesTheArchiveLimits() {
        byte[] file = checkpoint().tensor("w", new int[] {4}, 1, 2, 3, 4).build();

        assertThatThrownBy(() -> Checkpoint.read(file, new CheckpointLimits(100, 1 << 20, 100, 1 << 20, 64), "c"))
                .isInstanceOf(ModelImportException.class).hasMessageContaining("exceeds the limit of 100 bytes");
        assertThatThrownBy(() -> Checkpoint.read(file, new CheckpointLimits(1 << 20, 1 << 20, 2, 1 << 20, 64), "c"))
                .isInstanceOf(ModelImportException.class).hasMessageContaining("3 entries exceeds the limit of 2");
        assertThatThrownBy(() -> Checkpoint.read(file, new CheckpointLimits(1 << 20, 50, 100, 1 << 20, 64), "c"))
                .isInstanceOf(ModelImportException.class).hasMessageContaining("uncompress to more than the limit of 50");
        assertThatThrownBy(() -> Checkpoint.read(file, new CheckpointLimits(1 << 20, 1 << 20, 100, 10, 64), "c"))
                .isInstanceOf(ModelImportException.class).hasMessageContaining("more than the limit of 10");
    }

    @Test
    void rejectsADeflateBombBeyondTheUncompressedLimit() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("archive/data.pkl", checkpoint().pickle());
        entries.put("archive/data/zeros", new byte[8 << 20]);
        byte[] file = TorchCheckpoints.zip(entries, true);

        assertThat(file.length).isLessThan(100_000);
        assertThatThrownBy(() -> Checkpoint.read(file, new CheckpointLimits(1 << 20, 1 << 20, 100, 1 << 20, 64), "c"))
                .isInstanceOf(ModelImportException.class).hasMessageContaining("uncompress to more than the limit");
    }

    @Test
    void rejectsABroadcastViewThatWouldMaterialiseMoreElementsThanTheLimit() {
        byte[] file = checkpoint().view("t", new float[1], 0, new long[] {1 << 30}, new long[] {0}).build();

        assertRejected(file, "tensor 't' has 1073741824");
    }

    @Test
    void rejectsACorruptedStorage() {
        byte[] file = checkpoint().tensor("w", new int[] {4}, 1, 2, 3, 4).build();
        int at = indexOf(file, new byte[] {0, 0, (byte) 0x80, 0x3f}); // 1.0f, the first stored value
        file[at + 3] = 0x40;

        assertRejected(file, "fails its CRC-32 check");
    }

    @Test
    void rejectsSomethingThatIsNotAZipArchive() {
        assertRejected(new PickleBytes().proto(2).emptyDict().stop().bytes(), "not a zip archive");
        assertRejected(LongStream.range(0, 64).mapToObj(i -> "PK\u0003\u0004").reduce("", String::concat).getBytes(),
                "no end of central directory record");
    }

    @Test
    void rejectsTwoPickles() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("a/data.pkl", checkpoint().pickle());
        entries.put("b/data.pkl", checkpoint().pickle());

        assertRejected(TorchCheckpoints.zip(entries, false), "expected exactly one <root>/data.pkl entry");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
