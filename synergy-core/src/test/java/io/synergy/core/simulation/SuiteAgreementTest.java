package io.synergy.core.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synergy.core.planning.AcceleratorCostModel;
import io.synergy.core.planning.App;
import io.synergy.core.planning.Estimate;
import io.synergy.core.planning.PlanSet;
import io.synergy.core.planning.Planner;
import io.synergy.core.planning.ThroughputEstimator;
import io.synergy.core.planning.VirtualComputingSpace;
import io.synergy.core.planning.baseline.Baselines;
import io.synergy.core.planning.synergy.SynergyPlanner;
import io.synergy.core.scenario.Scenario;
import io.synergy.core.scenario.ScenarioSuite;
import io.synergy.core.scenario.ZooCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The estimator and the pipeline simulator agree within 5 % on every scenario of the suite, for every planner. */
class SuiteAgreementTest {

    static final AcceleratorCostModel COSTS = new AcceleratorCostModel();

    static Stream<Arguments> scenarios() {
        List<Planner> planners = new ArrayList<>();
        planners.add(new SynergyPlanner());
        planners.addAll(Baselines.all());
        List<Arguments> cases = new ArrayList<>();
        for (Scenario s : ScenarioSuite.load()) {
            for (Planner p : planners) {
                cases.add(Arguments.of(s.name(), p.name(), s, p));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scenarios")
    void simulatedRateIsWithinFivePercentOfTheEstimate(String name, String planner, Scenario scenario, Planner p) {
        VirtualComputingSpace space = scenario.space(COSTS);
        List<App> apps = scenario.apps(new ZooCatalog());
        PlanSet plans = p.plan(space, apps);
        Estimate estimate = new ThroughputEstimator().estimate(space, apps, plans);

        SimulationResult simulated = new PipelineSimulator(SimulationConfig.saturated()).run(space, apps, plans);

        assertThat(simulated.throughput()).isCloseTo(estimate.placedRate(), within(0.05 * estimate.placedRate()));
    }
}
