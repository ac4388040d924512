package io.synergy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BenchPlannersCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheComparisonTableAndChartsForASuite() throws IOException {
        Path suite = Files.createDirectories(dir.resolve("suite"));
        Files.writeString(suite.resolve("a.yaml"), PlanCommandTest.SCENARIO);
        Files.writeString(suite.resolve("b.yaml"), PlanCommandTest.SCENARIO.replace("model: convnet5",
                "model: simplenet"));
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("bench", "planners", "--suite", suite.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("2/2");
        assertThat(out.resolve("planners.png")).isNotEmptyFile();
        assertThat(out.resolve("planners-by-scenario.png")).isNotEmptyFile();
        JsonNode root = JsonMapper.builder().build().readTree(out.resolve("planners.json").toFile());
        JsonNode first = root.get("scenarios").get(0);
        assertThat(first.get("scenario").asString()).isEqualTo("a");
        assertThat(first.get("throughput").get("synergy").asDouble()).isPositive();
        assertThat(first.get("throughput").has("latency-optimal")).isTrue();
        assertThat(first.get("synergyRatio").get("source-only").asDouble()).isGreaterThanOrEqualTo(1 - 1e-9);
        assertThat(first.get("optimum").asDouble()).isPositive();
        assertThat(first.get("synergyToOptimum").asDouble()).isBetween(0.95, 1 + 1e-9);
        assertThat(first.get("simulatedToEstimated").asDouble()).isBetween(0.95, 1.05);
        JsonNode all = root.get("summary").get("allBaselines");
        assertThat(all.get("geometricMeanRatio").asDouble()).isGreaterThanOrEqualTo(1 - 1e-9);
        assertThat(all.has("arithmeticMeanRatio")).isTrue();
        assertThat(all.has("ratioOfMeans")).isTrue();
        assertThat(run.out()).contains("| Synergy vs | ratio of means |");
    }
}
