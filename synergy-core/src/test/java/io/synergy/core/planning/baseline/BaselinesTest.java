package io.synergy.core.planning.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.synergy.core.planning.App;
import io.synergy.core.planning.ExecutionPlan;
import io.synergy.core.planning.FixedCostModel;
import io.synergy.core.planning.PlanSet;
import io.synergy.core.planning.Planner;
import io.synergy.core.planning.RandomInstances;
import io.synergy.core.planning.Segment;
import io.synergy.core.planning.TestNetworks;
import io.synergy.core.planning.ThroughputEstimator;
import io.synergy.core.planning.VirtualComputingSpace;
import io.synergy.core.network.Network;
import io.synergy.core.tensor.Shape;
import io.synergy.core.topology.Capability;
import io.synergy.core.topology.Device;
import io.synergy.core.topology.Link;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BaselinesTest {

    static final Link LINK = new Link(8_000, 1.0);
    /** Three layers of 400, 400 and 100 weight bytes; a "small" device holds 1,000 unless said otherwise. */
    static final Network NET = TestNetworks.chain("net", new Shape(3, 8, 8), new int[] {4, 4});

    static FixedCostModel costs(long capacity) {
        return new FixedCostModel(capacity).network("net", new double[] {300, 500, 200}, new long[] {400, 400, 100});
    }

    static Device device(String id, Capability... caps) {
        return new Device(id, FixedCostModel.TYPE, Set.of(caps), LINK);
    }

    static final List<Device> FLEET = List.of(device("glasses", Capability.CAMERA, Capability.DISPLAY),
            device("watch", Capability.DISPLAY), device("ring"), device("pendant", Capability.CAMERA));

    static App app(String id) {
        return new App(id, "net", NET, Capability.CAMERA, Capability.DISPLAY);
    }

    static ExecutionPlan only(Planner planner, long capacity, List<App> apps) {
        return planner.plan(VirtualComputingSpace.of(costs(capacity), FLEET), apps).plans().get(0);
    }

    @Test
    void sourceOnlyRunsTheWholeModelWhereItsInputIsSensed() {
        ExecutionPlan p = only(new SourceOnlyPlanner(), 1_000, List.of(app("x")));

        assertThat(p.sourceDevice()).isEqualTo("glasses");
        assertThat(p.segments()).containsExactly(new Segment(0, 3, "glasses"));
        assertThat(p.targetDevice()).isEqualTo("glasses");
    }

    @Test
    void singleDeviceAndSourceOnlyCannotPlaceAModelNoDeviceHolds() {
        VirtualComputingSpace space = VirtualComputingSpace.of(costs(800), FLEET);

        assertThat(new SingleDevicePlanner().plan(space, List.of(app("x"))).unplaced()).containsExactly("x");
        assertThat(new SourceOnlyPlanner().plan(space, List.of(app("x"))).unplaced()).containsExactly("x");
    }

    @Test
    void singleDeviceGivesEachModelItsOwnDeviceWhileThereAreFreeOnes() {
        PlanSet plans = new SingleDevicePlanner().plan(VirtualComputingSpace.of(costs(1_000), FLEET),
                List.of(app("x"), app("y")));

        assertThat(plans.plan("x").get().computeDevices()).doesNotContainAnyElementsOf(
                plans.plan("y").get().computeDevices());
    }

    @Test
    void greedyFillFillsTheSourceDeviceFirstThenTheNextInFleetOrder() {
        ExecutionPlan p = only(new GreedyFillPlanner(), 800, List.of(app("x")));

        assertThat(p.segments()).containsExactly(new Segment(0, 2, "glasses"), new Segment(2, 3, "watch"));
    }

    @Test
    void greedyFillLeavesAModelUnplacedWhenTheLeftoverMemoryIsTooSmall() {
        // two devices of 900 bytes: the first model takes 900 of glasses, the second 900 of watch
        VirtualComputingSpace two = VirtualComputingSpace.of(costs(900), FLEET.subList(0, 2));

        PlanSet plans = new GreedyFillPlanner().plan(two, List.of(app("x"), app("y"), app("z")));

        assertThat(plans.unplaced()).containsExactly("z");
    }

    @Test
    void memoryProportionalSpreadsTheModelOverTheFleet() {
        ExecutionPlan p = only(new MemoryProportionalPlanner(), 1_000, List.of(app("x")));

        assertThat(p.segments()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(p.segments().get(0).devices()).containsExactly("glasses");
    }

    @Test
    void neurosurgeonSplitsOnceBetweenTheSourceAndOneHelper() {
        ExecutionPlan p = only(new NeurosurgeonPlanner(), 800, List.of(app("x")));

        assertThat(p.segments()).hasSize(2);
        assertThat(p.segments().get(0).devices()).containsExactly("glasses");
    }

    @Test
    void latencyOptimalKeepsASmallModelOnTheSourceWhenTransfersCostMore() {
        ExecutionPlan p = only(new LatencyOptimalPlanner(), 1_000, List.of(app("x")));

        assertThat(p.segments()).containsExactly(new Segment(0, 3, "glasses"));
    }

    @Test
    void perAppOptimalPlacesLaterAppsAroundEarlierOnes() {
        PlanSet plans = new PerAppOptimalPlanner().plan(VirtualComputingSpace.of(costs(1_000), FLEET),
                List.of(app("x"), app("y")));

        assertThat(plans.plan("x").get().computeDevices()).doesNotContainAnyElementsOf(
                plans.plan("y").get().computeDevices());
    }

    @Test
    void everyBaselinesPlansKeepEveryDeviceLimitOnRandomFleets() {
        for (long seed = 1; seed <= 20; seed++) {
            RandomInstances inst = RandomInstances.of(seed, 2 + (int) (seed % 7), 1 + (int) (seed % 4), 10);
            for (Planner planner : Baselines.all()) {
                PlanSet plans = planner.plan(inst.space, inst.apps);

                // the estimator rejects any segment that breaks a limit of its device
                assertThat(new ThroughputEstimator().estimate(inst.space, inst.apps, plans).sumThroughput())
                        .as(planner.name()).isGreaterThanOrEqualTo(0);
                assertThat(plans.plans().size() + plans.unplaced().size()).isEqualTo(inst.apps.size());
            }
        }
    }
}
