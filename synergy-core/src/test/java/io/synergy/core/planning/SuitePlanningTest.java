package io.synergy.core.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.synergy.core.planning.baseline.Baselines;
import io.synergy.core.planning.synergy.SynergyPlanner;
import io.synergy.core.scenario.Scenario;
import io.synergy.core.scenario.ScenarioSuite;
import io.synergy.core.scenario.ZooCatalog;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The planners on the scenario suite with the accelerator cost model and the zoo's networks. */
class SuitePlanningTest {

    static final AcceleratorCostModel COSTS = new AcceleratorCostModel();

    static Stream<Scenario> suite() {
        return ScenarioSuite.load().stream();
    }

    /** Every scenario of at most three devices is small enough to solve exactly. */
    static Stream<Scenario> small() {
        return suite().filter(s -> s.devices().size() <= 3);
    }

    static double rate(Scenario s, VirtualComputingSpace space, List<App> apps, PlanSet plans) {
        return new ThroughputEstimator().estimate(space, apps, plans).throughput();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("small")
    void synergyIsWithinFivePercentOfTheExhaustiveOptimum(Scenario s) {
        VirtualComputingSpace space = s.space(COSTS);
        List<App> apps = s.apps(new ZooCatalog());

        double optimum = rate(s, space, apps, new ExhaustivePlanner().plan(space, apps));
        double synergy = rate(s, space, apps, new SynergyPlanner().plan(space, apps));

        assertThat(optimum).isPositive();
        assertThat(synergy).isBetween(0.95 * optimum, optimum * (1 + 1e-9));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suite")
    void synergyRunsAllAppsTogetherAtLeastAsFastAsEveryBaseline(Scenario s) {
        VirtualComputingSpace space = s.space(COSTS);
        List<App> apps = s.apps(new ZooCatalog());

        double synergy = rate(s, space, apps, new SynergyPlanner().plan(space, apps));

        assertThat(synergy).isPositive();
        for (Planner baseline : Baselines.all()) {
            assertThat(synergy).as(baseline.name())
                    .isGreaterThanOrEqualTo(rate(s, space, apps, baseline.plan(space, apps)) * (1 - 1e-9));
        }
        assertThat(synergy).isLessThanOrEqualTo(ThroughputBound.rate(PlanningProblem.of(space, apps)) * (1 + 1e-9));
    }
}
