package io.synergy.core.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synergy.core.planning.synergy.SynergyPlanner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceTimeEstimatesTest {

    /** Half weight to a new window, a 25 % band before a factor comes into force, windows of >= 10 stages. */
    private final ServiceTimeEstimates estimates = new ServiceTimeEstimates(new ServiceTimeEstimates.Settings(0.5, 0.25, 10));

    @Test
    void averagesMeasuredOverModelledWithExponentialWeights() {
        estimates.fold("a", 10, 2_000, 1_000);
        estimates.fold("a", 10, 1_000, 1_000);

        // the first window starts the average at 2.0; the second weighs half: 0.5 x 1.0 + 0.5 x 2.0
        assertThat(estimates.estimate("a").orElseThrow().measuredToModelled()).isCloseTo(1.5, within(1e-12));
        assertThat(estimates.estimate("a").orElseThrow().stages()).isEqualTo(20);
    }

    @Test
    void aFactorComesIntoForceOnlyBeyondTheThreshold() {
        boolean small = estimates.fold("a", 10, 1_200, 1_000);
        boolean large = estimates.fold("b", 10, 3_000, 1_000);

        assertThat(small).as("20 % slower is within the 25 % band").isFalse();
        assertThat(estimates.estimate("a").orElseThrow().factorInForce()).isEqualTo(1.0);
        assertThat(large).isTrue();
        assertThat(estimates.factorsInForce()).isEqualTo(Map.of("b", 3.0));
    }

    @Test
    void noiseAroundTheFactorInForceDoesNotReplan() {
        estimates.fold("a", 10, 3_000, 1_000);

        boolean wobble = estimates.fold("a", 10, 2_600, 1_000) | estimates.fold("a", 10, 3_300, 1_000);

        assertThat(wobble).isFalse();
        assertThat(estimates.factorsInForce()).isEqualTo(Map.of("a", 3.0));
    }

    @Test
    void windowsWithTooFewStagesOrNoModelledTimeAreIgnored() {
        assertThat(estimates.fold("a", 9, 9_000, 1_000)).isFalse();
        assertThat(estimates.fold("a", 50, 9_000, 0)).isFalse();

        assertThat(estimates.estimate("a")).isEmpty();
    }

    @Test
    void aDeviceThatLeavesStartsAgainFromTheModel() {
        estimates.fold("a", 10, 3_000, 1_000);

        assertThat(estimates.forget("a")).as("its factor in force was not 1").isTrue();
        assertThat(estimates.factorsInForce()).isEmpty();
    }

    @Test
    void rejectsSettingsOutsideTheirRange() {
        assertThatThrownBy(() -> new ServiceTimeEstimates.Settings(0, 0.25, 1)).hasMessageContaining("smoothing");
        assertThatThrownBy(() -> new ServiceTimeEstimates.Settings(0.5, -1, 1)).hasMessageContaining("replanThreshold");
        assertThatThrownBy(() -> new ServiceTimeEstimates.Settings(0.5, 0.25, 0)).hasMessageContaining("minStages");
    }

    @Test
    void aDeviceMeasuredSlowerIsCostedAsMeasured() {
        ExecutionPlan onA = new ExecutionPlan("x", "a", List.of(new Segment(0, 3, "a")), "b");
        VirtualComputingSpace slowA = ThroughputEstimatorTest.space().withServiceTimeFactors(Map.of("a", 3.0));

        Estimate modelled = new ThroughputEstimator().estimate(ThroughputEstimatorTest.space(),
                List.of(ThroughputEstimatorTest.app("x")), ThroughputEstimatorTest.plans(onA));
        Estimate measured = new ThroughputEstimator().estimate(slowA, List.of(ThroughputEstimatorTest.app("x")),
                ThroughputEstimatorTest.plans(onA));

        // the model: 1,000 us of compute on a, its link busier (1,000 + 40 us); measured 3x slower: 3,000 us
        assertThat(modelled.roundMicros()).isCloseTo(1_040, within(1e-9));
        assertThat(measured.roundMicros()).isCloseTo(3_000, within(1e-9));
        assertThat(measured.bottleneck()).isEqualTo(new Resource("a", Resource.Kind.COMPUTE));
    }

    @Test
    void thePlannerMovesWorkOffADeviceMeasuredMuchSlower() {
        VirtualComputingSpace space = ThroughputEstimatorTest.space();
        List<App> apps = List.of(ThroughputEstimatorTest.app("x"));

        PlanSet modelled = new SynergyPlanner().plan(space, apps);
        PlanSet measured = new SynergyPlanner().plan(space.withServiceTimeFactors(Map.of("a", 3.0)), apps);

        assertThat(modelled.plans().get(0).segments()).allMatch(s -> s.devices().equals(List.of("a")));
        assertThat(measured.plans().get(0).segments()).noneMatch(s -> s.devices().contains("a"));
    }
}
