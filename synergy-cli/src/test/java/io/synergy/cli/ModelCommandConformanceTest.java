package io.synergy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.synergy.core.tensor.Npy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The {@code model run} and {@code model profile} contracts on the toolchain's own reference cases
 * (../shared/conformance): outputs equal the toolchain's files, whole or split, and the profile's
 * figures equal its printout.
 */
class ModelCommandConformanceTest {

    @TempDir
    Path dir;

    private static String[] files(String testCase) {
        Path c = CliRun.conformance(testCase);
        return new String[] {"--yaml", c.resolve("network.yaml").toString(),
                "--checkpoint", c.resolve("checkpoint.pth.tar").toString(),
                "--input", c.resolve("input.npy").toString()};
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mnist", "kws20_v3", "cifar-10"})
    void runWritesTheToolchainsOutputFileByteForByte(String testCase) throws IOException {
        Path out = dir.resolve("out.npy");

        CliRun run = CliRun.of(concat(concat(new String[] {"model", "run"}, files(testCase)), "--out", out.toString()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path expected = CliRun.conformance(testCase).resolve("expected/output.npy");
        assertThat(Npy.read(out)).isEqualTo(Npy.read(expected));
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mnist", "kws20_v3", "cifar-10"})
    void dumpLayersWritesEveryLayerInTheConformanceLayout(String testCase) throws IOException {
        Path layers = dir.resolve("layers");

        CliRun run = CliRun.of(concat(concat(new String[] {"model", "run"}, files(testCase)),
                "--out", dir.resolve("out.npy").toString(), "--dump-layers", layers.toString()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Path> expected;
        try (Stream<Path> listing = Files.list(CliRun.conformance(testCase).resolve("expected"))) {
            expected = listing.filter(p -> p.getFileName().toString().matches("layer\\d\\d\\.npy")).sorted().toList();
        }
        assertThat(expected).isNotEmpty();
        try (Stream<Path> listing = Files.list(layers)) {
            assertThat(listing.count()).isEqualTo(expected.size());
        }
        for (Path file : expected) {
            assertThat(Npy.read(layers.resolve(file.getFileName()))).as(file.toString()).isEqualTo(Npy.read(file));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mnist:0-1,1-3,3-5", "kws20_v3:0-4,4-9", "cifar-10:0-3,3-4,4-8,8-11"})
    void splitAcrossDevicesGivesTheSameOutput(String caseAndSplit) {
        String testCase = caseAndSplit.substring(0, caseAndSplit.indexOf(':'));
        String split = caseAndSplit.substring(caseAndSplit.indexOf(':') + 1);
        Path out = dir.resolve("split.npy");

        CliRun run = CliRun.of(concat(concat(new String[] {"model", "run"}, files(testCase)), "--out", out.toString(),
                "--split", split, "--dump-layers", dir.resolve("layers").toString()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Npy.read(out)).isEqualTo(Npy.read(CliRun.conformance(testCase).resolve("expected/output.npy")));
        assertThat(Npy.read(dir.resolve("layers/layer02.npy")))
                .isEqualTo(Npy.read(CliRun.conformance(testCase).resolve("expected/layer02.npy")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mnist", "kws20_v3", "cifar-10"})
    void profileJsonEqualsTheToolchainsFigures(String testCase) {
        Path c = CliRun.conformance(testCase);

        CliRun run = CliRun.of("model", "profile", "--yaml", c.resolve("network.yaml").toString(),
                "--checkpoint", c.resolve("checkpoint.pth.tar").toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode report = json.readTree(run.out());
        JsonNode expected = json.readTree(c.resolve("expected/profile.json").toFile());
        assertThat(report.get("totalCycles").asLong()).isEqualTo(expected.get("latency").get("total_cycles").asLong());
        assertThat(report.get("weightBytes").asLong())
                .isEqualTo(expected.get("resources").get("weight_memory_used_bytes").asLong());
        assertThat(report.get("biasBytes").asLong()).isEqualTo(expected.get("resources").get("bias_values_total").asLong());
        JsonNode layers = report.get("layers");
        assertThat(layers.size()).isEqualTo(expected.get("layers").size());
        for (JsonNode want : expected.get("layers")) {
            JsonNode got = layers.get(want.get("index").asInt());
            String at = testCase + " layer " + want.get("index").asInt() + " ";
            assertThat(got.get("cycles").asLong()).as(at + "cycles").isEqualTo(want.get("latency_cycles").asLong());
            assertThat(got.get("weightBytes").asLong()).as(at + "weight bytes").isEqualTo(want.get("weight_bytes").asLong());
            assertThat(got.get("biasBytes").asLong()).as(at + "bias bytes").isEqualTo(want.get("bias_bytes").asLong());
            assertThat(got.get("macs").asLong()).as(at + "MACs").isEqualTo(want.get("macs").asLong());
            assertThat(got.get("inShape")).as(at + "input shape").isEqualTo(want.get("input_shape"));
            assertThat(got.get("outShape")).as(at + "output shape").isEqualTo(want.get("output_shape"));
            assertThat(got.get("op").asString()).as(at + "op").isEqualTo(want.get("operation").asString());
        }
        for (String device : List.of("max78000", "max78002")) {
            assertThat(report.get("fits").get(device).get("fits").asBoolean()).as(device).isTrue();
            assertThat(report.get("fits").get(device).get("violations").size()).isZero();
        }
        assertThat(report.get("device").asString()).isEqualTo("max78000");
        assertThat(report.get("model").asString().toLowerCase(Locale.ROOT)).isEqualTo(expected.get("arch").asString());
    }
}
