package io.synergy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.synergy.core.tensor.Npy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unreadable, inconsistent or hostile input ends in one line on stderr that names the problem and a
 * non-zero exit, never a stack trace; nothing is written.
 */
class ModelCommandHostileInputTest {

    @TempDir
    Path dir;

    private Path yaml;
    private Path checkpoint;
    private Path input;
    private Path out;

    @BeforeEach
    void copyTheMnistCase() throws IOException {
        Path c = CliRun.conformance("mnist");
        yaml = Files.copy(c.resolve("network.yaml"), dir.resolve("network.yaml"));
        checkpoint = Files.copy(c.resolve("checkpoint.pth.tar"), dir.resolve("checkpoint.pth.tar"));
        input = Files.copy(c.resolve("input.npy"), dir.resolve("input.npy"));
        out = dir.resolve("result/out.npy");
    }

    private CliRun run() {
        return CliRun.of("model", "run", "--yaml", yaml.toString(), "--checkpoint", checkpoint.toString(),
                "--input", input.toString(), "--out", out.toString());
    }

    /** The failure contract: non-zero exit, exactly one line on stderr containing the words, no output. */
    private void assertOneLineError(CliRun run, String... words) {
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: ").doesNotContain("Exception", "\tat ");
        for (String word : words) {
            assertThat(run.err()).containsIgnoringCase(word);
        }
        assertThat(out).doesNotExist();
    }

    @Test
    void rejectsAMissingInputFile() throws IOException {
        Files.delete(input);

        assertOneLineError(run(), "--input", "no such file");
    }

    @Test
    void rejectsATruncatedCheckpoint() throws IOException {
        byte[] bytes = Files.readAllBytes(checkpoint);
        Files.write(checkpoint, Arrays.copyOf(bytes, bytes.length / 2));

        assertOneLineError(run(), "checkpoint");
    }

    @Test
    void rejectsACheckpointWhosePickleNamesAForeignClass() throws IOException {
        // A protocol-2 pickle that would call os.system("ls") when loaded by an unrestricted unpickler.
        byte[] pickle = {(byte) 0x80, 2, 'c', 'o', 's', '\n', 's', 'y', 's', 't', 'e', 'm', '\n',
            'X', 2, 0, 0, 0, 'l', 's', (byte) 0x85, 'R', '.'};
        Files.write(checkpoint, replaceEntry(checkpoint, "data.pkl", pickle));

        assertOneLineError(run(), "os");
    }

    @Test
    void rejectsAnInputWhoseShapeDoesNotFitTheNetwork() throws IOException {
        Files.write(input, Npy.writeInt8(new int[] {3, 28, 28}, new byte[3 * 28 * 28]));

        assertOneLineError(run(), "channel");
    }

    @Test
    void rejectsInputValuesOutsideInt8() throws IOException {
        int[] values = new int[28 * 28];
        values[5] = 300;
        Files.write(input, Npy.writeInt32(new int[] {1, 28, 28}, values));

        assertOneLineError(run(), "300", "[-128, 127]");
    }

    @Test
    void rejectsATruncatedInputFile() throws IOException {
        byte[] bytes = Files.readAllBytes(input);
        Files.write(input, Arrays.copyOf(bytes, bytes.length - 100));

        assertOneLineError(run(), "input.npy");
    }

    @Test
    void rejectsAnOutputShiftOutsideTheHardwareRange() throws IOException {
        String text = Files.readString(yaml).replaceFirst("  - pad: 1\n", "  - pad: 1\n    output_shift: 40\n");
        Files.writeString(yaml, text);

        assertOneLineError(run(), "shift");
    }

    @Test
    void rejectsADescriptionWithALayerTheCheckpointHasNoWeightsFor() throws IOException {
        Files.writeString(yaml, Files.readString(yaml) + """
                  - op: mlp
                    out_offset: 0x2000
                    processors: 0x0000000000000fff
                    output_width: 32
                """, StandardCharsets.UTF_8);

        assertOneLineError(run(), "layers with weights");
    }

    @Test
    void rejectsALayerThatReadsALayerThatDoesNotExist() throws IOException {
        String text = Files.readString(yaml).replaceFirst("  - op: mlp\n", "  - op: mlp\n    in_sequences: [7]\n");
        Files.writeString(yaml, text);

        assertOneLineError(run(), "in_sequences");
    }

    @Test
    void rejectsASplitThatLeavesAGap() {
        CliRun run = CliRun.of("model", "run", "--yaml", yaml.toString(), "--checkpoint", checkpoint.toString(),
                "--input", input.toString(), "--out", out.toString(), "--split", "0-2,3-5");

        assertOneLineError(run, "--split", "3-5", "start at layer 2");
    }

    @Test
    void rejectsAnUnknownZooModelListingTheKnownOnes() {
        CliRun run = CliRun.of("model", "run", "--model", "resnet50", "--input", input.toString(),
                "--out", out.toString());

        assertOneLineError(run, "resnet50", "convnet5", "unet-large");
    }

    @Test
    void rejectsAnUnknownDevice() {
        CliRun run = CliRun.of("model", "profile", "--model", "kws", "--device", "max99999");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().strip().lines().count()).isEqualTo(1);
        assertThat(run.err()).contains("max99999", "max78000, max78002");
    }

    /** The zip with the entry whose name ends in {@code suffix} replaced by {@code content}. */
    private static byte[] replaceEntry(Path zip, String suffix, byte[] content) throws IOException {
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
        try (ZipFile in = new ZipFile(zip.toFile()); ZipOutputStream zipOut = new ZipOutputStream(rewritten)) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                byte[] data;
                try (var stream = in.getInputStream(entry)) {
                    data = stream.readAllBytes();
                }
                zipOut.putNextEntry(new ZipEntry(entry.getName()));
                zipOut.write(entry.getName().endsWith(suffix) ? content : data);
                zipOut.closeEntry();
            }
        }
        return rewritten.toByteArray();
    }
}
