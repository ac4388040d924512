package io.synergy.core.network.ai8x;

import static io.synergy.core.network.ai8x.TorchCheckpoints.checkpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointTest {

    static Stream<Arguments> referenceCheckpoints() {
        return Stream.of(
                Arguments.of("mnist", "ai85net5", 194, 31, "conv1.output_shift"),
                Arguments.of("kws20_v3", "ai85kws20netv3", 192, 135, "module.voice_conv1.output_shift"),
                Arguments.of("cifar-10", "ai85nascifarnet", 243, 88, "conv1_1.output_shift"),
                Arguments.of("heldout/cats-dogs", "ai85cdnet", 157, 50, "module.conv1.output_shift"),
                Arguments.of("heldout/camvid_unet", "ai85unetlarge", 73, 151, "prep0.output_shift"),
                Arguments.of("heldout/svhn_tinierssd", "ai85tinierssd", 57, 160, "base.fire1.output_shift"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceCheckpoints")
    void readsEveryConformanceCheckpointWithItsStateDictInOrder(String name, String arch, int epoch, int entries,
                                                                 String firstKey) {
        Checkpoint c = Checkpoint.read(Ai8xProfiles.caseDir(name).resolve("checkpoint.pth.tar"));

        assertThat(c.arch()).isEqualTo(arch);
        assertThat(c.epoch()).isEqualTo(epoch);
        assertThat(c.stateDict()).hasSize(entries);
        assertThat(c.stateDict().keySet().iterator().next()).isEqualTo(firstKey);
    }

    @Test
    void readsKwsWeightsInTheOrderTheCheckpointStoresThem() {
        Checkpoint c = Checkpoint.read(Ai8xProfiles.caseDir("kws20_v3").resolve("checkpoint.pth.tar"));

        List<String> weights = c.stateDict().keySet().stream().filter(k -> k.endsWith(".weight")).toList();
        assertThat(weights).hasSize(18);
        assertThat(weights.subList(0, 9)).allSatisfy(k -> assertThat(k).startsWith("module."));
        assertThat(weights.get(9)).isEqualTo("voice_conv1.op.weight");
        assertThat(c.tensor("module.voice_conv1.op.weight").shape()).containsExactly(100, 128, 1);
        assertThat(c.tensor("module.voice_conv1.weight_bits").dtype()).isEqualTo("int64");
    }

    @Test
    void readsAContiguousTensorInCOrder() {
        byte[] file = checkpoint().tensor("w", new int[] {2, 3}, 1, 2, 3, 4, 5, 6).build();

        CheckpointTensor w = Checkpoint.read(file).tensor("w");

        assertThat(w.shape()).containsExactly(2, 3);
        assertThat(w.values()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(w.dtype()).isEqualTo("float32");
    }

    @Test
    void honoursStorageOffsetAndStrides() {
        float[] storage = new float[12];
        for (int i = 0; i < storage.length; i++) {
            storage[i] = i;
        }
        // a 3x2 view starting at element 1 that walks the storage column-wise: element (i, j) = 1 + i + 4j
        byte[] file = checkpoint().view("t", storage, 1, new long[] {3, 2}, new long[] {1, 4}).build();

        CheckpointTensor t = Checkpoint.read(file).tensor("t");

        assertThat(t.values()).containsExactly(1, 5, 2, 6, 3, 7);
    }

    @Test
    void readsABroadcastViewWithZeroStride() {
        byte[] file = checkpoint().view("t", new float[] {7, 8}, 1, new long[] {2, 3}, new long[] {0, 0}).build();

        assertThat(Checkpoint.read(file).tensor("t").values()).containsExactly(8, 8, 8, 8, 8, 8);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void anyStridedViewReadsAsItsDefinition(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int rank = 1 + random.nextInt(4);
        long[] size = new long[rank];
        long[] stride = new long[rank];
        long offset = random.nextInt(5);
        long last = offset;
        for (int d = 0; d < rank; d++) {
            size[d] = 1 + random.nextInt(4);
            stride[d] = random.nextInt(7);
            last += (size[d] - 1) * stride[d];
        }
        float[] storage = new float[(int) last + 1 + random.nextInt(3)];
        for (int i = 0; i < storage.length; i++) {
            storage[i] = random.nextInt(255) - 128;
        }

        CheckpointTensor t = Checkpoint.read(checkpoint().view("t", storage, offset, size, stride).build()).tensor("t");

        int[] index = new int[rank];
        for (int i = 0; i < t.elementCount(); i++) {
            long at = offset;
            for (int d = 0; d < rank; d++) {
                at += index[d] * stride[d];
            }
            assertThat(t.value(i)).as("element %d", i).isEqualTo(storage[(int) at]);
            for (int d = rank - 1; d >= 0 && ++index[d] == size[d]; d--) {
                index[d] = 0;
            }
        }
    }

    @Test
    void keepsStateDictOrderBeyondOneSetitemsBatch() {
        TorchCheckpoints c = checkpoint();
        for (int i = 0; i < 1500; i++) {
            c.scalar("k" + (1500 - i), i);
        }

        List<String> keys = new ArrayList<>(Checkpoint.read(c.build()).stateDict().keySet());

        assertThat(keys).containsExactlyElementsOf(IntStream.range(0, 1500).mapToObj(i -> "k" + (1500 - i)).toList());
    }

    @Test
    void readsDeflatedArchives() {
        TorchCheckpoints c = checkpoint().tensor("w", new int[] {4}, 1, -2, 3, -4);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("model/data.pkl", c.pickle());
        c.storages().forEach((name, data) -> entries.put(name.replace("archive/", "model/"), data));

        Checkpoint read = Checkpoint.read(TorchCheckpoints.zip(entries, true));

        assertThat(read.tensor("w").values()).containsExactly(1, -2, 3, -4);
    }

    @Test
    void readsLongAndHalfStorages() {
        ByteBuffer longs = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-3).putLong(8);
        ByteBuffer halves = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0x3c00).putShort((short) 0xc000).putShort((short) 0x0001); // 1.0, -2.0, 2^-24
        byte[] pickle = new PickleBytes().proto(2).emptyDict().str("state_dict").orderedDict().mark()
                .str("l").tensor("LongStorage", "a", 2, 0, new long[] {2}, new long[] {1})
                .str("h").tensor("HalfStorage", "b", 3, 0, new long[] {3}, new long[] {1})
                .setitems().setitem().stop().bytes();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("archive/data.pkl", pickle);
        entries.put("archive/data/a", longs.array());
        entries.put("archive/data/b", halves.array());

        Checkpoint c = Checkpoint.read(TorchCheckpoints.zip(entries, false));

        assertThat(c.tensor("l").values()).containsExactly(-3, 8);
        assertThat(c.tensor("h").values()).containsExactly(1.0, -2.0, Math.pow(2, -24));
        assertThat(c.arch()).isNull();
    }

    @Test
    void rejectsAViewThatReachesBeyondItsStorage() {
        byte[] file = checkpoint().view("t", new float[4], 2, new long[] {2}, new long[] {2}).build();

        assertThatThrownBy(() -> Checkpoint.read(file)).isInstanceOf(ModelImportException.class)
                .hasMessageContaining("tensor 't'").hasMessageContaining("reaches element 4 of a storage of 4");
    }

    @Test
    void rejectsAStorageEntryOfTheWrongSize() {
        TorchCheckpoints c = checkpoint().tensor("w", new int[] {2}, 1, 2);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("archive/data.pkl", c.pickle());
        entries.put("archive/data/s0", new byte[7]);

        assertThatThrownBy(() -> Checkpoint.read(TorchCheckpoints.zip(entries, false)))
                .isInstanceOf(ModelImportException.class)
                .hasMessageContaining("entry archive/data/s0 has 7 bytes, but 2 float32 elements need 8");
    }

    @Test
    void rejectsAMissingStorageEntry() {
        byte[] file = TorchCheckpoints.withPickle(checkpoint().tensor("w", new int[] {1}, 1).pickle());

        assertThatThrownBy(() -> Checkpoint.read(file)).isInstanceOf(ModelImportException.class)
                .hasMessageContaining("storage 's0' has no entry archive/data/s0");
    }

    @Test
    void rejectsBigEndianStorages() {
        TorchCheckpoints c = checkpoint();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("archive/data.pkl", c.pickle());
        entries.put("archive/byteorder", "big".getBytes());

        assertThatThrownBy(() -> Checkpoint.read(TorchCheckpoints.zip(entries, false)))
                .isInstanceOf(ModelImportException.class).hasMessageContaining("only little-endian");
    }

    @Test
    void rejectsACheckpointWithoutStateDict() {
        byte[] pickle = new PickleBytes().proto(2).emptyDict().str("arch").str("x").setitem().stop().bytes();

        assertThatThrownBy(() -> Checkpoint.read(TorchCheckpoints.withPickle(pickle)))
                .isInstanceOf(ModelImportException.class).hasMessageContaining("has no 'state_dict' dict");
    }

    @Test
    void rejectsAStateDictEntryThatIsNotATensor() {
        byte[] pickle = new PickleBytes().proto(2).emptyDict().str("state_dict").emptyDict()
                .str("w").integer(3).setitem().setitem().stop().bytes();

        assertThatThrownBy(() -> Checkpoint.read(TorchCheckpoints.withPickle(pickle)))
                .isInstanceOf(ModelImportException.class)
                .hasMessageContaining("state_dict entry 'w' must be a tensor, got Integer");
    }

    @Test
    void readsInertMetadataOfRealCheckpointsWithoutCallingIt() {
        byte[] pickle = new PickleBytes().proto(2).emptyDict().mark()
                .str("optimizer_type").global("torch.optim.adam", "Adam")
                .str("args").global("argparse", "Namespace").emptyTuple().reduce()
                .emptyDict().str("lr").integer(1).setitem().op('b')
                .str("device").global("torch", "device").mark().str("cpu").tuple().reduce()
                .str("state_dict").orderedDict()
                .setitems().stop().bytes();

        Checkpoint c = Checkpoint.read(TorchCheckpoints.withPickle(pickle));

        assertThat(c.stateDict()).isEmpty();
    }
}
