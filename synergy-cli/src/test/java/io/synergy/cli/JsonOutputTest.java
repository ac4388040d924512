package io.synergy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Machines read the command line through {@code --json}: every command that prints results offers
 * it, and with it stdout carries exactly one JSON object while progress and per-step lines go to
 * stderr.
 */
class JsonOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"up", "status", "down", "demo", "plan", "bench e2e", "bench planners", "bench soak",
        "model profile", "model run"})
    void everyCommandThatPrintsResultsOffersJson(String command) {
        CommandLine cli = new CommandLine(new SynergyCli());
        for (String name : command.split(" ")) {
            cli = cli.getSubcommands().get(name);
        }

        assertThat(cli.getCommandSpec().findOption("--json")).as(command + " --json").isNotNull();
    }

    @Test
    void downWithJsonPrintsTheStoppedModulesAsOneObject() {
        CliRun run = CliRun.of("down", "--home", dir.toString(), "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode json = onlyObject(run.out());
        assertThat(json.path("stopped").isArray()).isTrue();
        assertThat(json.path("stopped")).isEmpty();
    }

    @Test
    void modelRunWithJsonPrintsTheDevicesAndFilesAsOneObjectAndTheLinesOnStderr() {
        Path out = dir.resolve("kws.npy");

        CliRun run = CliRun.of("model", "run", "--model", "kws", "--split", "0-4,4-9", "--out", out.toString(),
                "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = onlyObject(run.out());
        assertThat(json.path("model").asString()).isEqualTo("kws");
        assertThat(json.path("segments")).hasSize(2);
        assertThat(json.path("segments").path(1).path("fromLayer").asInt()).isEqualTo(4);
        assertThat(json.path("segments").path(0).path("sentBytes").asInt()).isPositive();
        assertThat(json.path("outputs").path(0).path("file").asString()).isEqualTo(out.toString());
        assertThat(Files.isRegularFile(out)).isTrue();
        assertThat(run.err()).contains("device 1 (", "device 2 (", "wrote " + out);
    }

    @Test
    void benchPlannersWithJsonPrintsThePlannersReportAsOneObject() throws Exception {
        Path suite = Files.createDirectories(dir.resolve("suite"));
        Files.writeString(suite.resolve("one.yaml"), PlanCommandTest.SCENARIO);

        CliRun run = CliRun.of("bench", "planners", "--suite", suite.toString(), "--out", dir.resolve("out").toString(),
                "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = onlyObject(run.out());
        assertThat(json.path("scenarios")).hasSize(1);
        assertThat(json.path("planners").isArray()).isTrue();
        assertThat(JSON.readTree(Files.readString(dir.resolve("out/planners.json")))).isEqualTo(json);
    }

    /** stdout is exactly one JSON object (one line), nothing before or after it. */
    private static JsonNode onlyObject(String stdout) {
        List<String> lines = stdout.lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).hasSize(1);
        JsonNode json = JSON.readTree(lines.get(0));
        assertThat(json.isObject()).isTrue();
        return json;
    }
}
