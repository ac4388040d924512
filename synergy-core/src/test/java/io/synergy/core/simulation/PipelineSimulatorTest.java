package io.synergy.core.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synergy.core.planning.App;
import io.synergy.core.planning.Estimate;
import io.synergy.core.planning.ExecutionPlan;
import io.synergy.core.planning.FixedCostModel;
import io.synergy.core.planning.PlanSet;
import io.synergy.core.planning.RandomInstances;
import io.synergy.core.planning.Segment;
import io.synergy.core.planning.TestNetworks;
import io.synergy.core.planning.ThroughputEstimator;
import io.synergy.core.planning.VirtualComputingSpace;
import io.synergy.core.planning.synergy.SynergyPlanner;
import io.synergy.core.network.Network;
import io.synergy.core.tensor.Shape;
import io.synergy.core.topology.Capability;
import io.synergy.core.topology.Device;
import io.synergy.core.topology.Link;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PipelineSimulatorTest {

    static final Link LINK = new Link(8_000, 1.0);
    static final Network NET = TestNetworks.chain("net", new Shape(3, 8, 8), new int[] {4, 4});
    static final FixedCostModel COSTS = new FixedCostModel(1_000)
            .network("net", new double[] {300, 500, 200}, new long[] {400, 400, 100});
    static final VirtualComputingSpace SPACE = VirtualComputingSpace.of(COSTS, List.of(
            new Device("a", FixedCostModel.TYPE, Set.of(Capability.CAMERA), LINK),
            new Device("b", FixedCostModel.TYPE, Set.of(Capability.DISPLAY), LINK),
            new Device("c", FixedCostModel.TYPE, Set.of(), LINK)));

    static App app(String id) {
        return new App(id, "net", NET, Capability.CAMERA, Capability.DISPLAY);
    }

    static PlanSet split() {
        return new PlanSet(0, "test", List.of(new ExecutionPlan("x", "a",
                List.of(new Segment(0, 2, "a"), new Segment(2, 3, "b")), "b")), List.of());
    }

    @Test
    void oneRequestAloneTakesTheEstimatedLatency() {
        SimulationConfig one = new SimulationConfig(1, 0, 1, 0, 1, 0);

        SimulationResult r = new PipelineSimulator(one).run(SPACE, List.of(app("x")), split());

        assertThat(r.appLatencyMillis().get("x")).isCloseTo(2.256, within(1e-9));
    }

    @Test
    void aSaturatedChainRunsAtTheEstimatedRate() {
        Estimate e = new ThroughputEstimator().estimate(SPACE, List.of(app("x")), split());

        SimulationResult r = new PipelineSimulator(SimulationConfig.saturated()).run(SPACE, List.of(app("x")), split());

        assertThat(r.throughput()).isCloseTo(e.throughput(), within(e.throughput() * 1e-6));
    }

    @Test
    void appsSharingADeviceThatCannotHoldBothPayTheReloadWhenTheyAlternate() {
        PlanSet both = new PlanSet(0, "test", List.of(
                new ExecutionPlan("x", "a", List.of(new Segment(0, 3, "a")), "b"),
                new ExecutionPlan("y", "a", List.of(new Segment(0, 3, "a")), "b")), List.of());
        List<App> apps = List.of(app("x"), app("y"));

        SimulationResult r = new PipelineSimulator(SimulationConfig.saturated()).run(SPACE, apps, both);

        // the estimator's 3,800 us per round: each app 1,000 us compute + 900 us reload
        assertThat(r.throughput()).isCloseTo(1e6 / 3_800, within(1e6 / 3_800 * 1e-3));
        assertThat(r.appThroughput().get("x")).isCloseTo(r.appThroughput().get("y"), within(1e-6));
    }

    @Test
    void theSameSeedGivesTheSameTraceAndAnotherSeedAnother() {
        SimulationConfig config = SimulationConfig.saturated().withRounds(10, 50).withJitter(0.2, 7).withTrace(500);
        PipelineSimulator simulator = new PipelineSimulator(config);

        SimulationResult first = simulator.run(SPACE, List.of(app("x")), split());
        SimulationResult again = simulator.run(SPACE, List.of(app("x")), split());
        SimulationResult other = new PipelineSimulator(config.withJitter(0.2, 8)).run(SPACE, List.of(app("x")), split());

        assertThat(first.trace()).hasSize(500).isEqualTo(again.trace());
        assertThat(other.trace()).isNotEqualTo(first.trace());
    }

    @Test
    void everyRequestVisitsItsStagesInOrderAndCompletesAtTheTarget() {
        SimulationConfig config = new SimulationConfig(4, 0, 3, 0, 1, 10_000);

        SimulationResult r = new PipelineSimulator(config).run(SPACE, List.of(app("x")), split());

        List<TraceEntry> first = r.trace().stream().filter(t -> t.request() == 0).toList();
        assertThat(first).extracting(TraceEntry::what).containsExactly("released", "stage-start", "stage-end",
                "transfer-start", "transfer-end", "stage-start", "stage-end", "completed");
        assertThat(first).extracting(TraceEntry::timeNanos).isSorted();
    }

    static LongStream seeds() {
        return LongStream.range(1, 16);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void simulatedThroughputMatchesTheEstimateForRandomSynergyPlans(long seed) {
        RandomInstances inst = RandomInstances.of(seed, 2 + (int) (seed % 5), 1 + (int) (seed % 3), 8);
        PlanSet plans = new SynergyPlanner().plan(inst.space, inst.apps);
        Estimate e = new ThroughputEstimator().estimate(inst.space, inst.apps, plans);

        SimulationResult r = new PipelineSimulator(SimulationConfig.saturated()).run(inst.space, inst.apps, plans);

        assertThat(r.throughput()).isCloseTo(e.placedRate(), within(0.05 * e.placedRate()));
    }
}
