package io.synergy.bench;

import io.synergy.core.planning.AcceleratorCostModel;
import io.synergy.core.planning.App;
import io.synergy.core.planning.PlanSet;
import io.synergy.core.planning.PlanningProblem;
import io.synergy.core.planning.VirtualComputingSpace;
import io.synergy.core.planning.synergy.SynergyPlanner;
import io.synergy.core.scenario.Scenario;
import io.synergy.core.scenario.ScenarioSuite;
import io.synergy.core.scenario.ZooCatalog;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Synergy planning run on a synthetic fleet ({@link ScenarioSuite#fleet}), devices x apps, or on a
 * scenario of the suite by name (e.g. {@code s30-body-8d-4a}, eight devices and four apps). Segment
 * costs are computed in the set-up (once per network and device type, as a long-running planner
 * service would have them), so the figure is the planner's own time, including building the planning
 * problem. Sample-time mode for the median. The planner's default one-second budget applies.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class PlanningBenchmark {

    @Param({"8x4", "100x20", "1000x100"})
    public String fleet;

    private VirtualComputingSpace space;
    private List<App> apps;
    private SynergyPlanner planner;

    @Setup
    public void setUp() {
        Scenario scenario;
        if (fleet.matches("\\d+x\\d+")) {
            String[] size = fleet.split("x");
            scenario = ScenarioSuite.fleet(Integer.parseInt(size[0]), Integer.parseInt(size[1]), 1);
        } else {
            scenario = ScenarioSuite.load().stream().filter(s -> s.name().equals(fleet)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no suite scenario " + fleet));
        }
        space = scenario.space(new AcceleratorCostModel());
        apps = scenario.apps(new ZooCatalog());
        PlanningProblem.of(space, apps);
        planner = new SynergyPlanner();
    }

    @Benchmark
    public PlanSet plan() {
        return planner.plan(space, apps);
    }
}
