package io.synergy.core.planning.synergy;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.synergy.core.network.Network;
import io.synergy.core.tensor.Shape;
import io.synergy.core.topology.Capability;
import io.synergy.core.topology.Device;
import io.synergy.core.topology.Link;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SynergyPlannerTest {

    /** Fast links (1 byte per microsecond, no latency) so compute decides. */
    static final Link FAST = new Link(8_000, 0);
    static final Network NET = TestNetworks.chain("net", new Shape(3, 8, 8), new int[] {4, 4});

    static Device device(String id, Capability... caps) {
        return new Device(id, FixedCostModel.TYPE, Set.of(caps), FAST);
    }

    static App app(String id) {
        return new App(id, "net", NET, Capability.CAMERA, Capability.DISPLAY);
    }

    @Test
    void splitsAModelThatFitsNoSingleDevice() {
        FixedCostModel costs = new FixedCostModel(600)
                .network("net", new double[] {300, 500, 200}, new long[] {400, 400, 100});
        VirtualComputingSpace space = VirtualComputingSpace.of(costs, List.of(
                device("glasses", Capability.CAMERA, Capability.DISPLAY), device("watch")));

        PlanSet plans = new SynergyPlanner().plan(space, List.of(app("x")));

        assertThat(plans.unplaced()).isEmpty();
        assertThat(plans.plan("x").get().segments()).hasSize(2);
    }

    @Test
    void replicatesTheBottleneckSegmentOntoIdleDevices() {
        // one heavy layer: 9,000 us on any device; three devices can share its runs
        FixedCostModel costs = new FixedCostModel(10_000)
                .network("net", new double[] {9_000, 10, 10}, new long[] {100, 100, 100});
        VirtualComputingSpace space = VirtualComputingSpace.of(costs, List.of(
                device("glasses", Capability.CAMERA, Capability.DISPLAY), device("watch"), device("ring")));

        PlanSet plans = new SynergyPlanner().plan(space, List.of(app("x")));
        Estimate e = new ThroughputEstimator().estimate(space, List.of(app("x")), plans);

        assertThat(plans.plan("x").get().segments()).anySatisfy(s -> assertThat(s.devices()).hasSize(3));
        assertThat(e.throughput()).isGreaterThan(2.5 * 1e6 / 9_020);
    }

    @Test
    void keepsAppsWhoseWeightsDoNotFitTogetherOnSeparateDevices() {
        // each whole network (900 weight bytes) fits one 1,000-byte device, two do not: sharing costs reloads
        FixedCostModel costs = new FixedCostModel(1_000)
                .network("net", new double[] {300, 500, 200}, new long[] {400, 400, 100});
        VirtualComputingSpace space = VirtualComputingSpace.of(costs, List.of(
                device("glasses", Capability.CAMERA, Capability.DISPLAY), device("watch", Capability.DISPLAY)));
        List<App> apps = List.of(app("x"), app("y"));

        PlanSet plans = new SynergyPlanner(SynergyOptions.defaults()).plan(space, apps);

        ExecutionPlan x = plans.plan("x").get();
        ExecutionPlan y = plans.plan("y").get();
        assertThat(x.computeDevices()).doesNotContainAnyElementsOf(y.computeDevices());
    }

    @Test
    void returnsTheBestPlanFoundSoFarWhenTheBudgetRunsOut() {
        RandomInstances inst = RandomInstances.of(11, 8, 4, 8);
        AtomicLong nanos = new AtomicLong();
        // every reading of the clock advances it by 1 ms: a 5 ms budget ends after a handful of steps
        SynergyOptions hurried = SynergyOptions.defaults().withBudget(Duration.ofMillis(5))
                .withNanoClock(() -> nanos.addAndGet(1_000_000));

        PlanSet rushed = new SynergyPlanner(hurried).plan(inst.space, inst.apps);
        PlanSet patient = new SynergyPlanner().plan(inst.space, inst.apps);

        ThroughputEstimator estimator = new ThroughputEstimator();
        assertThat(rushed.unplaced()).isEqualTo(patient.unplaced());
        assertThat(estimator.estimate(inst.space, inst.apps, rushed).placedRate())
                .isLessThanOrEqualTo(estimator.estimate(inst.space, inst.apps, patient).placedRate() * (1 + 1e-9));
    }

    @Test
    void aModelThatFitsNowhereIsUnplacedAndTheOthersStillRun() {
        Network huge = TestNetworks.chain("huge", new Shape(3, 8, 8), new int[] {4, 4});
        FixedCostModel costs = new FixedCostModel(1_000)
                .network("net", new double[] {300, 500, 200}, new long[] {400, 400, 100})
                .network("huge", new double[] {300, 500, 200}, new long[] {4_000, 400, 100});
        VirtualComputingSpace space = VirtualComputingSpace.of(costs, List.of(
                device("glasses", Capability.CAMERA, Capability.DISPLAY), device("watch")));
        List<App> apps = List.of(app("x"), new App("big", "huge", huge, Capability.CAMERA, Capability.DISPLAY));

        PlanSet plans = new SynergyPlanner().plan(space, apps);

        assertThat(plans.unplaced()).containsExactly("big");
        assertThat(plans.plan("x")).isPresent();
        assertThat(new ThroughputEstimator().estimate(space, apps, plans).throughput()).isZero();
    }

    @Test
    void everyPlanOfARandomFleetKeepsEveryDeviceLimit() {
        for (long seed = 1; seed <= 30; seed++) {
            RandomInstances inst = RandomInstances.of(seed, 2 + (int) (seed % 7), 1 + (int) (seed % 4), 10);

            PlanSet plans = new SynergyPlanner().plan(inst.space, inst.apps);

            // the estimator rejects a segment that breaks a limit of its device
            Estimate e = new ThroughputEstimator().estimate(inst.space, inst.apps, plans);
            assertThat(e.placedRate()).isPositive();
            for (ExecutionPlan p : plans.plans()) {
                for (Segment s : p.segments()) {
                    assertThat(s.devices()).isNotEmpty();
                }
            }
        }
    }
}
