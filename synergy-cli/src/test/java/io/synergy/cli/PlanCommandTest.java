package io.synergy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PlanCommandTest {

    static final String SCENARIO = """
            devices:
              - id: glasses
                type: max78000
                capabilities: [camera, display]
                link: ble-2m
                battery: 0.9
              - id: watch
                type: max78002
                capabilities: [display, microphone, speaker]
                link: {bandwidthKbps: 1400, latencyMs: 7.5}
            apps:
              - id: digits
                model: convnet5
                source: camera
                target: display
              - id: words
                model: kws
                source: microphone
                target: speaker
                weight: 2.0
            """;

    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void printsTheContractObject() throws IOException {
        CliRun run = CliRun.of("plan", "--scenario", write("s.yaml", SCENARIO).toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = JsonMapper.builder().build().readTree(run.out());
        assertThat(root.get("planner").asString()).isEqualTo("synergy");
        assertThat(root.get("throughput").asDouble()).isPositive();
        assertThat(root.get("sumThroughput").asDouble()).isGreaterThanOrEqualTo(root.get("throughput").asDouble());
        assertThat(root.get("planningMillis").isNumber()).isTrue();
        assertThat(root.get("apps")).hasSize(2);
        JsonNode words = root.get("apps").get(1);
        assertThat(words.get("app").asString()).isEqualTo("words");
        assertThat(words.get("model").asString()).isEqualTo("kws");
        assertThat(words.get("throughput").asDouble()).isPositive();
        assertThat(words.get("latencyMs").asDouble()).isPositive();
        assertThat(words.get("segments").get(0).get("from").asInt()).isZero();
        assertThat(words.get("segments").get(words.get("segments").size() - 1).get("to").asInt()).isEqualTo(9);
        assertThat(words.get("segments").get(0).get("devices").get(0).asString()).isIn("glasses", "watch");
        assertThat(words.get("source").asString()).isEqualTo("watch");
        assertThat(words.get("target").asString()).isEqualTo("watch");
        assertThat(words.get("bottleneck").asString()).matches("(glasses|watch)\\.(compute|link)");
    }

    @Test
    void runsEveryPlannerTheListNames() throws IOException {
        CliRun list = CliRun.of("plan", "--list-planners");
        Path scenario = write("s.yaml", SCENARIO);

        assertThat(list.out().lines()).containsExactly("synergy", "exhaustive", "single-device", "source-only",
                "greedy-fill", "memory-proportional", "neurosurgeon", "per-app-optimal", "latency-optimal");
        for (String planner : list.out().lines().toList()) {
            CliRun run = CliRun.of("plan", "--scenario", scenario.toString(), "--planner", planner, "--json");
            assertThat(run.exitCode()).as(planner + ": " + run.err()).isZero();
            assertThat(run.out()).contains("\"planner\" : \"" + planner + "\"");
        }
    }

    @Test
    void explainsThePlanWithoutJson() throws IOException {
        CliRun run = CliRun.of("plan", "--scenario", write("s.yaml", SCENARIO).toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("planner synergy", "digits (convnet5", "layers [0, ", "limited by",
                "busiest resources");
    }

    @Test
    void namesAnUnknownModelInOneLine() throws IOException {
        CliRun run = CliRun.of("plan", "--scenario", write("bad.yaml", SCENARIO.replace("kws", "whisper")).toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("error: bad.yaml: apps[1].model: unknown model 'whisper'; known: convnet5");
    }

    @Test
    void namesAnUnknownDeviceTypeInOneLine() throws IOException {
        CliRun run = CliRun.of("plan", "--scenario", write("bad.yaml", SCENARIO.replace("max78002", "max32650"))
                .toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().lines()).containsExactly(
                "error: bad.yaml: devices[1].type: unknown device type 'max32650'; known: max78000, max78002");
    }

    @Test
    void namesACapabilityNoDeviceHasInOneLine() throws IOException {
        CliRun run = CliRun.of("plan", "--scenario", write("bad.yaml", SCENARIO.replace("target: speaker",
                "target: haptic")).toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().lines()).containsExactly("error: bad.yaml: apps[1].target: no device has capability haptic");
    }

    @Test
    void namesMalformedYamlInOneLine() throws IOException {
        CliRun run = CliRun.of("plan", "--scenario", write("bad.yaml", "devices: [\napps:\n").toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().lines()).singleElement().asString().startsWith("error: bad.yaml: malformed YAML at line");
    }

    @Test
    void namesAnUnknownPlannerAndAMissingFile() {
        CliRun unknown = CliRun.of("plan", "--scenario", "x.yaml", "--planner", "random");
        CliRun missing = CliRun.of("plan", "--scenario", dir.resolve("none.yaml").toString());

        assertThat(unknown.err().lines()).singleElement().asString()
                .startsWith("error: unknown planner 'random'; known: synergy, exhaustive,");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err().lines()).singleElement().asString().contains("none.yaml: cannot read");
    }
}
