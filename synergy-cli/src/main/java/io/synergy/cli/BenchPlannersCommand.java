package io.synergy.cli;

import io.synergy.core.scenario.Scenario;
import io.synergy.core.scenario.ScenarioReader;
import io.synergy.core.scenario.ScenarioSuite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code synergy bench planners}: every planner on the scenario suite; writes {@code planners.json}
 * (per scenario and planner the joint and summed throughput and planning time, Synergy's ratios, the
 * optimum or bound, the simulator's check; then the mean ratios) and two PNG charts, and prints the
 * summary. A progress bar on stderr while it runs.
 */
@Command(name = "planners", mixinStandardHelpOptions = true,
        description = "Run every planner on the scenario suite; write planners.json and PNG charts.")
final class BenchPlannersCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", defaultValue = "out/bench-planners", paramLabel = "DIR",
            description = "Where to write planners.json and the charts (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--json", description = "Print the report (the content of planners.json) as one JSON object "
            + "instead of the table; progress stays on stderr.")
    private boolean json;

    @Option(names = "--suite", paramLabel = "DIR",
            description = "A folder of scenario files to use instead of the shipped suite.")
    private Path suiteDir;

    @Override
    public void run() {
        List<Scenario> suite = suite();
        PrintWriter err = spec.commandLine().getErr();
        List<PlannerComparison.Row> rows = PlannerComparison.run(suite, (done, s) -> progress(err, done, suite.size(), s));
        err.println();
        Map<String, Object> report = report(rows);
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("planners.json"), JsonMapper.builder()
                    .enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(report));
            ComparisonChart.write(rows, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + out + ": " + e.getMessage(), e);
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(JsonMapper.builder().build().writeValueAsString(report));
            o.flush();
            return;
        }
        o.print(ComparisonTable.markdown(rows));
        o.printf(Locale.ROOT, "%nwrote %s, %s and %s%n", out.resolve("planners.json"), out.resolve("planners.png"),
                out.resolve("planners-by-scenario.png"));
        o.flush();
    }

    private List<Scenario> suite() {
        if (suiteDir == null) {
            return ScenarioSuite.load();
        }
        ScenarioReader reader = new ScenarioReader();
        if (!Files.isDirectory(suiteDir)) {
            throw new IllegalArgumentException("--suite: " + suiteDir + " is not a folder");
        }
        try (Stream<Path> files = Files.list(suiteDir)) {
            List<Scenario> list = new ArrayList<>();
            files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                    .forEach(f -> list.add(reader.read(f)));
            if (list.isEmpty()) {
                throw new IllegalArgumentException("--suite: no .yaml scenario files in " + suiteDir);
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("--suite: cannot list " + suiteDir + ": " + e.getMessage(), e);
        }
    }

    private static void progress(PrintWriter err, int done, int total, Scenario s) {
        int width = 30;
        int filled = done * width / total;
        err.printf(Locale.ROOT, "\r[%s%s] %d/%d %-28s", "#".repeat(filled), ".".repeat(width - filled), done, total,
                s.name());
        err.flush();
    }

    static Map<String, Object> report(List<PlannerComparison.Row> rows) {
        List<String> baselines = PlannerComparison.baselines();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("metric", "throughput: rounds per second at which all apps of a scenario run together (an unplaced "
                + "app makes it 0); sumThroughput: the apps' fair-share inferences per second summed");
        root.put("planners", Stream.concat(Stream.of(PlannerComparison.SYNERGY), baselines.stream()).toList());
        List<Map<String, Object>> scenarios = new ArrayList<>();
        for (PlannerComparison.Row r : rows) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("scenario", r.scenario().name());
            s.put("description", r.scenario().description());
            s.put("devices", r.scenario().devices().size());
            s.put("apps", r.scenario().apps().size());
            s.put("throughput", r.throughput());
            s.put("sumThroughput", r.sumThroughput());
            s.put("planningMillis", r.planningMillis());
            Map<String, Object> ratio = new LinkedHashMap<>();
            for (String b : baselines) {
                double t = r.throughput().get(b);
                ratio.put(b, t > 0 ? r.synergy() / t : null);
            }
            s.put("synergyRatio", ratio);
            s.put("optimum", r.optimum());
            s.put("bound", r.bound());
            s.put("synergyToOptimum", r.optimum() == null || r.optimum() <= 0 ? null : r.synergy() / r.optimum());
            s.put("synergyToBound", r.synergy() / r.bound());
            s.put("simulatedSynergy", r.simulated());
            s.put("simulatedToEstimated", r.synergy() > 0 ? r.simulated() / r.synergy() : null);
            s.put("costingMillis", r.costingMillis());
            scenarios.add(s);
        }
        root.put("scenarios", scenarios);
        Map<String, Object> summary = new LinkedHashMap<>();
        Map<String, Object> perBaseline = new LinkedHashMap<>();
        for (String b : baselines) {
            perBaseline.put(b, ratios(PlannerComparison.ratios(rows, List.of(b))));
        }
        summary.put("perBaseline", perBaseline);
        summary.put("allBaselines", ratios(PlannerComparison.ratios(rows, baselines)));
        double minToOptimum = Double.POSITIVE_INFINITY;
        int exact = 0;
        double boundLog = 0;
        int bounded = 0;
        double maxGap = 0;
        for (PlannerComparison.Row r : rows) {
            if (r.optimum() != null && r.optimum() > 0) {
                exact++;
                minToOptimum = Math.min(minToOptimum, r.synergy() / r.optimum());
            } else if (r.optimum() == null) {
                bounded++;
                boundLog += Math.log(r.synergy() / r.bound());
            }
            if (r.synergy() > 0) {
                maxGap = Math.max(maxGap, Math.abs(r.simulated() / r.synergy() - 1));
            }
        }
        summary.put("scenariosSolvedExactly", exact);
        summary.put("minSynergyToOptimum", exact > 0 ? minToOptimum : null);
        summary.put("scenariosBounded", bounded);
        summary.put("geometricMeanSynergyToBound", bounded > 0 ? Math.exp(boundLog / bounded) : null);
        summary.put("maxSimulatorGap", maxGap);
        root.put("summary", summary);
        return root;
    }

    private static Map<String, Object> ratios(PlannerComparison.Ratios r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ratioOfMeans", finite(r.ratioOfMeans()));
        m.put("arithmeticMeanRatio", finite(r.arithmeticMean()));
        m.put("geometricMeanRatio", finite(r.geometricMean()));
        m.put("finiteRatios", r.finite());
        m.put("baselineZero", r.baselineZero());
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
