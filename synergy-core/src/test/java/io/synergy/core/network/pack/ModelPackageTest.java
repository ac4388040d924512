package io.synergy.core.network.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synergy.core.network.Model;
import io.synergy.core.network.ai8x.Ai8xImporter;
import io.synergy.core.network.ai8x.Ai8xProfiles;
import io.synergy.core.tensor.Npy;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class ModelPackageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static List<String> conformanceCases() {
        return Stream.concat(Ai8xProfiles.PUBLIC_CASES.stream(), Ai8xProfiles.HELDOUT_CASES.stream()).toList();
    }

    static Model conformanceModel(String name) {
        Path dir = Ai8xProfiles.caseDir(name);
        return Ai8xImporter.importModel(dir.resolve("network.yaml"), dir.resolve("checkpoint.pth.tar"),
                Npy.read(dir.resolve("input.npy")).shape()).model();
    }

    private static void assertRoundTrips(Model model) {
        byte[] bytes = ModelPackage.write(model);
        Model read = ModelPackage.read(bytes);

        assertThat(read).isEqualTo(model);
        assertThat(read.network().layers()).isEqualTo(model.network().layers());
        assertThat(ModelPackage.write(read)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @MethodSource("conformanceCases")
    void everyConformanceModelRoundTripsExactly(String name) {
        assertRoundTrips(conformanceModel(name));
    }

    @ParameterizedTest
    @MethodSource("zooModels")
    void everyZooNetworkWithSeededParametersRoundTripsExactly(String model) {
        assertRoundTrips(RandomModels.withRandomParameters(Ai8xProfiles.zooNetwork(model), model.hashCode()));
    }

    static List<String> zooModels() {
        return Ai8xProfiles.ZOO_MODELS;
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void seededRandomModelsRoundTripExactly(long seed) {
        assertRoundTrips(RandomModels.randomModel(seed));
    }

    @Test
    void writesTheDocumentedHeader() {
        byte[] bytes = ModelPackage.write(RandomModels.randomModel(7));
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(new String(bytes, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("SYNMODEL");
        assertThat(in.getShort(8)).isEqualTo((short) 1);
        assertThat(in.getShort(10)).isEqualTo((short) 0);
        int manifest = in.getInt(12);
        long blob = in.getLong(16);
        assertThat(24L + manifest + blob + 4).isEqualTo(bytes.length);
        JsonNode json = JSON.readTree(Arrays.copyOfRange(bytes, 24, 24 + manifest));
        assertThat(json.get("format").asString()).isEqualTo("synergy-model-package");
        assertThat(json.get("layers").get(0).get("mapping").get("processors").asString()).matches("0x[0-9a-f]{16}");
    }

    // ---- untrusted input ---------------------------------------------------------------------------

    private static byte[] sample() {
        return ModelPackage.write(RandomModels.withRandomParameters(Ai8xProfiles.zooNetwork("convnet5"), 3));
    }

    /** The sample with its manifest edited and header and CRC rebuilt, as a forger would. */
    private static byte[] withManifest(Consumer<ObjectNode> edit) {
        byte[] bytes = sample();
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int manifestLength = in.getInt(12);
        ObjectNode manifest = (ObjectNode) JSON.readTree(Arrays.copyOfRange(bytes, 24, 24 + manifestLength));
        byte[] blob = Arrays.copyOfRange(bytes, 24 + manifestLength, bytes.length - 4);
        edit.accept(manifest);
        return ModelPackage.assemble(JSON.writeValueAsBytes(manifest), blob);
    }

    private static ObjectNode layer(ObjectNode manifest, int index) {
        return (ObjectNode) manifest.get("layers").get(index);
    }

    private static void assertRejected(byte[] bytes, String message) {
        assertThatThrownBy(() -> ModelPackage.read(bytes)).isInstanceOf(MalformedModelPackageException.class)
                .hasMessageContaining(message);
    }

    @Test
    void everyTruncationFailsWithTheFormatError() {
        byte[] bytes = ModelPackage.write(RandomModels.randomModel(3));

        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> ModelPackage.read(cut)).as("cut at %d", length)
                    .isInstanceOf(MalformedModelPackageException.class);
        }
    }

    @Test
    void everyFlippedByteIsDetected() {
        byte[] bytes = ModelPackage.write(RandomModels.randomModel(5));

        for (int i = 0; i < bytes.length; i++) {
            byte[] corrupt = bytes.clone();
            corrupt[i] ^= 0x10;
            assertThatThrownBy(() -> ModelPackage.read(corrupt)).as("flip at %d", i)
                    .isInstanceOf(MalformedModelPackageException.class);
        }
    }

    @Test
    void rejectsAnotherFileTypeAndAnotherMajorVersion() {
        byte[] other = sample();
        other[0] = 'X';
        assertRejected(other, "bad magic");
        byte[] v2 = sample();
        v2[8] = 2;
        assertRejected(v2, "format version 2.0 is not supported; this reader reads 1.x");
    }

    @Test
    void rejectsLengthsThatDisagreeWithTheFile() {
        byte[] bytes = sample();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(16, Long.MAX_VALUE);
        assertRejected(bytes, "-byte blob");
        byte[] huge = sample();
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(12, -1);
        assertRejected(huge, "manifest of 4294967295 bytes exceeds the limit");
    }

    @Test
    void rejectsAFileLargerThanTheLimit() {
        assertThatThrownBy(() -> ModelPackage.read(sample(), new PackageLimits(1000, 1000, 10)))
                .isInstanceOf(MalformedModelPackageException.class).hasMessageContaining("exceeds the limit of 1000");
    }

    @Test
    void rejectsAManifestThatIsNotJson() {
        assertRejected(ModelPackage.assemble("{not json".getBytes(StandardCharsets.UTF_8), new byte[0]),
                "manifest is not valid JSON");
    }

    @Test
    void rejectsUnknownFieldsOfThisVersion() {
        assertRejected(withManifest(m -> layer(m, 0).put("sparsity", 0.5)),
                "layer 0: field 'sparsity' is not a field of format 1.0");
    }

    @Test
    void aNewerMinorVersionMayAddFields() {
        byte[] bytes = withManifest(m -> layer(m, 0).put("sparsity", 0.5));
        bytes[10] = 1; // minor version 1
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        b.putInt(bytes.length - 4, (int) crc.getValue());

        assertThat(ModelPackage.read(bytes).network().size()).isEqualTo(5);
    }

    @Test
    void rejectsFieldsOfTheWrongTypeOrRange() {
        assertRejected(withManifest(m -> layer(m, 0).put("weightBits", 3)), "inconsistent model: layer 0: weight_bits");
        assertRejected(withManifest(m -> layer(m, 0).put("outputShift", 16)),
                "layer 0: field 'outputShift' must be an integer from -15 to 15, got 16");
        assertRejected(withManifest(m -> layer(m, 0).put("operation", "CONV3D")),
                "layer 0: field 'operation' must be one of [CONV1D, CONV2D, CONV_TRANSPOSE2D, LINEAR, PASSTHROUGH]");
        assertRejected(withManifest(m -> layer(m, 0).put("flatten", "yes")), "field 'flatten' must be true or false");
        assertRejected(withManifest(m -> ((ObjectNode) layer(m, 0).get("mapping")).put("processors", "ffff")),
                "field 'processors' must be 0x and 1 to 16 hex digits");
        assertRejected(withManifest(m -> layer(m, 0).remove("kernel")), "layer 0: field 'kernel' is missing");
        assertRejected(withManifest(m -> m.put("format", "onnx")), "field 'format' must be 'synergy-model-package'");
    }

    @Test
    void rejectsBlobRegionsThatDoNotTileTheBlob() {
        assertRejected(withManifest(m -> ((ObjectNode) layer(m, 1).get("weights")).put("offset", 0)),
                "layer 1, weights: field 'offset' must be 540");
        assertRejected(withManifest(m -> ((ObjectNode) layer(m, 4).get("weights")).put("count", 1 << 30)),
                "pass the blob's end");
        assertRejected(withManifest(m -> {
            ObjectNode last = layer(m, 4);
            last.put("bias", false);
            last.remove("biasValues");
        }), "the layers use 71148 of the blob's 71158 bytes");
    }

    @Test
    void rejectsParametersThatDoNotFitTheNetwork() {
        assertRejected(withManifest(m -> layer(m, 0).put("outputChannels", 59)), "inconsistent model");
        assertRejected(withManifest(m -> layer(m, 0).remove("weights")), "layer 0: field 'weights' is required");
        assertRejected(withManifest(m -> ((ArrayNode) m.get("input").get("shape")).set(0, 2)), "inconsistent model");
    }

    @Test
    void rejectsMoreLayersThanTheLimit() {
        assertThatThrownBy(() -> ModelPackage.read(sample(), new PackageLimits(1 << 20, 1 << 20, 4)))
                .isInstanceOf(MalformedModelPackageException.class)
                .hasMessageContaining("field 'layers' must be an array of 1 to 4 layers");
    }
}
