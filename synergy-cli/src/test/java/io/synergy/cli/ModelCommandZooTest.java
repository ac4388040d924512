package io.synergy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.synergy.core.accelerator.Emulator;
import io.synergy.core.network.Activations;
import io.synergy.core.network.Model;
import io.synergy.core.tensor.Int8Tensor;
import io.synergy.core.tensor.Npy;
import io.synergy.core.tensor.NpyArray;
import io.synergy.core.zoo.Zoo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code --model <zoo name>} in place of {@code --yaml}/{@code --checkpoint}. */
class ModelCommandZooTest {

    @TempDir
    Path dir;

    @Test
    void runsAZooModelOnAnInt64InputAndWritesWhatTheEmulatorComputes() throws IOException {
        Int8Tensor input = Zoo.randomInput("ressimplenet", 9);
        Path in = dir.resolve("in.npy");
        Files.write(in, int64Npy(new int[] {3, 32, 32}, input.toIntArray()));
        Path out = dir.resolve("out.npy");

        CliRun run = CliRun.of("model", "run", "--model", "ressimplenet", "--input", in.toString(),
                "--out", out.toString(), "--split", "0-3,3-9,9-17");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Model model = Zoo.model("ressimplenet");
        int[] expected = new Emulator(model).run(input).tensor(16).toIntArray();
        NpyArray written = Npy.read(out);
        assertThat(written.dims()).containsExactly(100, 1, 1);
        assertThat(written.dtype()).isEqualTo("<i4");
        assertThat(written.values()).isEqualTo(expected);
    }

    @Test
    void runsAModelThatFitsNoSingleMax78000SplitAcrossTwoOnItsSeededSampleInput() {
        Path out = dir.resolve("effnet.npy");

        CliRun run = CliRun.of("model", "run", "--model", "efficientnetv2", "--split", "0-20,20-29",
                "--seed", "4", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).as("both segments fit their device").isEmpty();
        assertThat(run.out()).contains("device 1 (MAX78000): layers 0-20, 725,757 CNN cycles")
                .contains("device 2 (MAX78000): layers 20-29, 1,201,820 CNN cycles");
        int[] expected = new Emulator(Zoo.model("efficientnetv2")).run(Zoo.randomInput("efficientnetv2", 4))
                .tensor(28).toIntArray();
        assertThat(Npy.read(out).values()).isEqualTo(expected);
    }

    @Test
    void writesConv1dOutputsAsChannelsByLength() throws IOException {
        Path in = dir.resolve("in.npy");
        Files.write(in, Npy.write(Zoo.randomInput("kws", 3)));

        CliRun run = CliRun.of("model", "run", "--model", "kws", "--input", in.toString(),
                "--out", dir.resolve("out.npy").toString(), "--dump-layers", dir.resolve("layers").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Npy.read(dir.resolve("layers/layer00.npy")).dims()).containsExactly(100, 128);
        assertThat(Npy.read(dir.resolve("layers/layer08.npy")).dims()).containsExactly(21, 1, 1);
    }

    @Test
    void profilesAModelThatExceedsOneMax78000NamingTheLimitsItBreaks() {
        CliRun run = CliRun.of("model", "profile", "--model", "efficientnetv2", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("layers").size()).isEqualTo(29);
        assertThat(report.get("weightBytes").asLong()).isEqualTo(623_968);
        assertThat(report.get("biasBytes").asLong()).isEqualTo(3_252);
        assertThat(report.get("totalCycles").asLong()).as("the zoo's sum over the authors' segments")
                .isEqualTo(1_927_576);
        JsonNode max78000 = report.get("fits").get("max78000");
        assertThat(max78000.get("fits").asBoolean()).isFalse();
        assertThat(max78000.get("violations")).anySatisfy(v -> {
            assertThat(v.get("limit").asString()).isEqualTo("weight memory");
            assertThat(v.get("need").asLong()).isEqualTo(623_968);
            assertThat(v.get("capacity").asLong()).isEqualTo(442_368);
        });
        assertThat(report.get("fits").get("max78002").get("fits").asBoolean()).isTrue();
    }

    @Test
    void printsAReadableTableWithoutJson() {
        CliRun run = CliRun.of("model", "profile", "--model", "mobilenetv2-0.75");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("mobilenetv2-0.75 on MAX78000", "l72", "total: 16593805 cycles",
                "fits max78000: no: layers: needs 56 layers, capacity 32 layers", "fits max78002: yes");
    }

    /** An int64 .npy (the toolchain's input dtype), version 1.0. */
    private static byte[] int64Npy(int[] dims, int[] values) {
        String header = "{'descr': '<i8', 'fortran_order': False, 'shape': (" + dims[0] + ", " + dims[1] + ", "
                + dims[2] + "), }";
        int unpadded = 10 + header.length() + 1;
        int padded = (unpadded + 63) / 64 * 64;
        StringBuilder h = new StringBuilder(header);
        while (10 + h.length() + 1 < padded) {
            h.append(' ');
        }
        h.append('\n');
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(10 + h.length() + 8 * values.length)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) h.length())
                .put(h.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (int v : values) {
            b.putLong(v);
        }
        return b.array();
    }
}
