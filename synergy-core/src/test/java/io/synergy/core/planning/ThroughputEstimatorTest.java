package io.synergy.core.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synergy.core.network.Network;
import io.synergy.core.tensor.Shape;
import io.synergy.core.topology.Capability;
import io.synergy.core.topology.Device;
import io.synergy.core.topology.Link;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThroughputEstimatorTest {

    /** 1 byte per microsecond and 1 ms per message. */
    static final Link LINK = new Link(8_000, 1.0);
    /** Boundary bytes: 192 (3x8x8 input), 256, 256, 40 (10 wide outputs). */
    static final Network NET = TestNetworks.chain("net", new Shape(3, 8, 8), new int[] {4, 4});
    static final FixedCostModel COSTS = new FixedCostModel(1_000)
            .network("net", new double[] {300, 500, 200}, new long[] {400, 400, 100});

    static VirtualComputingSpace space() {
        return VirtualComputingSpace.of(COSTS, List.of(
                new Device("a", FixedCostModel.TYPE, Set.of(Capability.CAMERA), LINK),
                new Device("b", FixedCostModel.TYPE, Set.of(Capability.DISPLAY), LINK)));
    }

    static App app(String id) {
        return new App(id, "net", NET, Capability.CAMERA, Capability.DISPLAY);
    }

    static PlanSet plans(ExecutionPlan... plans) {
        return new PlanSet(0, "test", List.of(plans), List.of());
    }

    @Test
    void pipelineRunsAtTheRateOfItsBusiestResource() {
        ExecutionPlan plan = new ExecutionPlan("x", "a",
                List.of(new Segment(0, 2, "a"), new Segment(2, 3, "b")), "b");

        Estimate e = new ThroughputEstimator().estimate(space(), List.of(app("x")), plans(plan));

        // a computes 800 us, b 200 us; the 256-byte hop takes 1,000 + 256 us on both links
        assertThat(e.roundMicros()).isCloseTo(1_256, within(1e-9));
        assertThat(e.throughput()).isCloseTo(1e6 / 1_256, within(1e-9));
        assertThat(e.bottleneck()).isEqualTo(new Resource("a", Resource.Kind.LINK));
        assertThat(e.app("x").latencyMillis()).isCloseTo(2.256, within(1e-12));
        assertThat(e.app("x").bottleneck().kind()).isEqualTo(Resource.Kind.LINK);
    }

    @Test
    void replicasShareTheRunsAndTheTransfersRoundRobin() {
        ExecutionPlan plan = new ExecutionPlan("x", "a", List.of(new Segment(0, 3, List.of("a", "b"))), "b");

        Estimate e = new ThroughputEstimator().estimate(space(), List.of(app("x")), plans(plan));

        // even requests run on a and send 40 result bytes (1,040 us); odd ones get 192 input bytes (1,192 us)
        assertThat(e.loads()).contains(
                new ResourceLoad(new Resource("a", Resource.Kind.COMPUTE), 500, 500 / 1_116.0),
                new ResourceLoad(new Resource("b", Resource.Kind.LINK), 1_116, 1.0));
        assertThat(e.throughput()).isCloseTo(1e6 / 1_116, within(1e-9));
        assertThat(e.app("x").latencyMillis()).isCloseTo(2.116, within(1e-12));
    }

    @Test
    void appsSharingADeviceThatCannotHoldBothReloadWeightsEveryRun() {
        // each app's whole network (900 weight bytes) fits the 1,000-byte device alone, not twice
        ExecutionPlan x = new ExecutionPlan("x", "a", List.of(new Segment(0, 3, "a")), "b");
        ExecutionPlan y = new ExecutionPlan("y", "a", List.of(new Segment(0, 3, "a")), "b");

        Estimate e = new ThroughputEstimator().estimate(space(), List.of(app("x"), app("y")), plans(x, y));

        // 2 x (1,000 us compute + 900 us weight load) on a
        assertThat(e.roundMicros()).isCloseTo(3_800, within(1e-9));
        assertThat(e.app("x").latencyMillis()).isCloseTo((1_000 + 900 + 1_040) / 1000.0, within(1e-12));
        assertThat(e.sumThroughput()).isCloseTo(2e6 / 3_800, within(1e-9));
    }

    @Test
    void weightsScaleAnAppsShareOfTheRound() {
        App heavy = new App("x", "net", NET, Capability.CAMERA, Capability.DISPLAY, 3.0);
        ExecutionPlan plan = new ExecutionPlan("x", "a", List.of(new Segment(0, 3, "a")), "a");
        VirtualComputingSpace space = VirtualComputingSpace.of(COSTS, List.of(
                new Device("a", FixedCostModel.TYPE, Set.of(Capability.CAMERA, Capability.DISPLAY), LINK)));

        Estimate e = new ThroughputEstimator().estimate(space, List.of(heavy), plans(plan));

        assertThat(e.roundMicros()).isCloseTo(3_000, within(1e-9));
        assertThat(e.app("x").throughput()).isCloseTo(1_000, within(1e-9));
    }

    @Test
    void anUnplacedAppMakesTheJointRateZeroButNotTheOthersThroughput() {
        ExecutionPlan x = new ExecutionPlan("x", "a", List.of(new Segment(0, 3, "a")), "b");
        PlanSet set = new PlanSet(0, "test", List.of(x), List.of("y"));

        Estimate e = new ThroughputEstimator().estimate(space(), List.of(app("x"), app("y")), set);

        assertThat(e.throughput()).isZero();
        assertThat(e.placedRate()).isCloseTo(1e6 / 1_040, within(1e-9));
        assertThat(e.sumThroughput()).isCloseTo(1e6 / 1_040, within(1e-9));
        assertThat(e.app("y").placed()).isFalse();
    }

    @Test
    void rejectsAPlanWhoseSourceLacksTheCapability() {
        ExecutionPlan plan = new ExecutionPlan("x", "b", List.of(new Segment(0, 3, "b")), "b");

        assertThatThrownBy(() -> new ThroughputEstimator().estimate(space(), List.of(app("x")), plans(plan)))
                .hasMessageContaining("device b has no camera");
    }

    @Test
    void rejectsASegmentThatDoesNotFitItsDevice() {
        FixedCostModel tight = new FixedCostModel(500)
                .network("net", new double[] {300, 500, 200}, new long[] {400, 400, 100});
        VirtualComputingSpace space = VirtualComputingSpace.of(tight, space().devices());
        ExecutionPlan plan = new ExecutionPlan("x", "a", List.of(new Segment(0, 3, "a")), "b");

        assertThatThrownBy(() -> new ThroughputEstimator().estimate(space, List.of(app("x")), plans(plan)))
                .hasMessageContaining("segment [0, 3) does not fit device a");
    }
}
