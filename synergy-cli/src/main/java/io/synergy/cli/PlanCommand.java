package io.synergy.cli;

import io.synergy.core.planning.AcceleratorCostModel;
import io.synergy.core.planning.App;
import io.synergy.core.planning.AppEstimate;
import io.synergy.core.planning.Estimate;
import io.synergy.core.planning.ExecutionPlan;
import io.synergy.core.planning.PlanExplanation;
import io.synergy.core.planning.PlanSet;
import io.synergy.core.planning.Planner;
import io.synergy.core.planning.PlanningProblem;
import io.synergy.core.planning.Segment;
import io.synergy.core.planning.ThroughputEstimator;
import io.synergy.core.planning.VirtualComputingSpace;
import io.synergy.core.planning.catalog.PlannerCatalog;
import io.synergy.core.scenario.Scenario;
import io.synergy.core.scenario.ScenarioException;
import io.synergy.core.scenario.ScenarioReader;
import io.synergy.core.scenario.ZooCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code synergy plan}: plans a scenario's apps onto its fleet with one planner and explains the plan
 * set; {@code --json} prints the contract object (docs/planning.md). Segment costs are computed once per
 * network and device type before planning starts; {@code planningMillis} is the planner's own time.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plan a scenario's apps onto its fleet and explain the plan set.")
final class PlanCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "S.yaml", description = "The scenario file (docs/scenarios.md).")
    private Path scenario;

    @Option(names = "--planner", defaultValue = "synergy", paramLabel = "NAME",
            description = "synergy (default), exhaustive, or a baseline; see --list-planners.")
    private String planner;

    @Option(names = "--json", description = "Print one JSON object instead of the explanation.")
    private boolean json;

    @Option(names = "--list-planners", description = "Name every planner, one per line, and exit.")
    private boolean listPlanners;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (listPlanners) {
            PlannerCatalog.names().forEach(out::println);
            out.flush();
            return;
        }
        if (scenario == null) {
            throw new IllegalArgumentException("--scenario S.yaml is required (or --list-planners)");
        }
        Planner chosen = PlannerCatalog.byName(planner);
        Scenario s = new ScenarioReader().read(scenario);
        VirtualComputingSpace space;
        List<App> apps;
        try {
            space = s.space(new AcceleratorCostModel());
            apps = s.apps(new ZooCatalog());
        } catch (ScenarioException e) {
            throw new ScenarioException(scenario.getFileName() + ": " + e.getMessage(), e);
        }
        long costing = System.nanoTime();
        PlanningProblem.of(space, apps);
        double costingMillis = (System.nanoTime() - costing) / 1e6;
        long start = System.nanoTime();
        PlanSet plans = chosen.plan(space, apps);
        double planningMillis = (System.nanoTime() - start) / 1e6;
        Estimate estimate = new ThroughputEstimator().estimate(space, apps, plans);
        if (json) {
            out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(json(s, apps, plans, estimate, planningMillis, costingMillis)));
        } else {
            out.print(PlanExplanation.of(space, apps, plans, estimate));
            out.printf(Locale.ROOT, "%nplanned in %.1f ms (segment costs computed in %.0f ms before)%n", planningMillis,
                    costingMillis);
        }
        out.flush();
    }

    /** The plan contract: planner, throughput, sumThroughput, apps[...], planningMillis, plus extensions. */
    static Map<String, Object> json(Scenario s, List<App> apps, PlanSet plans, Estimate estimate,
                                    double planningMillis, double costingMillis) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("planner", plans.planner());
        root.put("throughput", estimate.throughput());
        root.put("sumThroughput", estimate.sumThroughput());
        List<Map<String, Object>> list = new ArrayList<>();
        for (App app : apps) {
            AppEstimate e = estimate.app(app.id());
            ExecutionPlan p = plans.plan(app.id()).orElse(null);
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("app", app.id());
            a.put("model", app.model());
            a.put("throughput", e.throughput());
            a.put("latencyMs", p == null ? null : e.latencyMillis());
            List<Map<String, Object>> segments = new ArrayList<>();
            if (p != null) {
                for (Segment seg : p.segments()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("from", seg.from());
                    m.put("to", seg.to());
                    m.put("devices", seg.devices());
                    segments.add(m);
                }
            }
            a.put("segments", segments);
            a.put("source", p == null ? null : p.sourceDevice());
            a.put("target", p == null ? null : p.targetDevice());
            a.put("bottleneck", e.bottleneck() == null ? null : e.bottleneck().toString());
            a.put("placed", p != null);
            list.add(a);
        }
        root.put("apps", list);
        root.put("planningMillis", planningMillis);
        root.put("scenario", s.name());
        root.put("epoch", plans.epoch());
        root.put("unplaced", plans.unplaced());
        root.put("bottleneck", estimate.bottleneck() == null ? null : estimate.bottleneck().toString());
        root.put("costingMillis", costingMillis);
        return root;
    }
}
