package io.synergy.core.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synergy.core.accelerator.SegmentCostModel;
import io.synergy.core.planning.synergy.SynergyPlanner;
import io.synergy.core.tensor.Shape;
import io.synergy.core.network.Network;
import io.synergy.core.topology.Capability;
import io.synergy.core.topology.Device;
import io.synergy.core.topology.LinkPreset;
import io.synergy.core.zoo.Zoo;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An app that wants a rate is planned with that rate as its weight and is never estimated above it:
 * apps that share the saturated resource run in proportion to their wanted rates, and apps that want
 * "as fast as possible" take what the others leave.
 */
class WantedRatesTest {

    /** One run of the whole network takes 1,000 us (300 + 500 + 200); two copies fit one device. */
    private static final Network NET = TestNetworks.chain("net", new Shape(3, 8, 8), new int[] {4, 4});
    private static final FixedCostModel COSTS = new FixedCostModel(2_000)
            .network("net", new double[] {300, 500, 200}, new long[] {400, 400, 100});
    /** A single device that senses and shows: nothing is ever transferred, only its compute is shared. */
    private static final VirtualComputingSpace ONE_DEVICE = VirtualComputingSpace.of(COSTS, List.of(
            new Device("a", FixedCostModel.TYPE, Set.of(Capability.CAMERA, Capability.DISPLAY),
                    ThroughputEstimatorTest.LINK)));

    private final SynergyPlanner planner = new SynergyPlanner();
    private final ThroughputEstimator estimator = new ThroughputEstimator();

    @Test
    void appsWantingThirtyAndTenPerSecondOnAFleetThatServesBothAreEstimatedAtWhatTheyWant() {
        // the fleet of planner-service's CorePlanComputationTest: glasses, watch, phone on BLE 2M
        VirtualComputingSpace space = VirtualComputingSpace.of(new AcceleratorCostModel(new SegmentCostModel()),
                List.of(new Device("glasses-1", "max78000", Set.of(Capability.CAMERA, Capability.DISPLAY),
                                LinkPreset.BLE_2M.link()),
                        new Device("watch-1", "max78000", Set.of(Capability.DISPLAY), LinkPreset.BLE_2M.link()),
                        new Device("phone-1", "max78002", Set.of(), LinkPreset.BLE_2M.link())));
        List<App> apps = List.of(
                App.wanting("captions", "kws", Zoo.network("kws"), Capability.CAMERA, Capability.DISPLAY, 30),
                App.wanting("scenes", "efficientnetv2", Zoo.network("efficientnetv2"), Capability.CAMERA,
                        Capability.DISPLAY, 10));

        Estimate e = estimator.estimate(space, apps, planner.plan(space, apps));

        assertThat(e.throughput()).as("the joint rate: the share of every wanted rate served").isGreaterThan(1);
        assertThat(e.app("captions").throughput()).isCloseTo(30, within(1e-9));
        assertThat(e.app("scenes").throughput()).isCloseTo(10, within(1e-9));
        assertThat(e.sumThroughput()).isCloseTo(40, within(1e-9));
    }

    @Test
    void appsWantingThirtyAndTenPerSecondOnAFleetThatCannotServeBothArePlannedAtThreeToOne() {
        // scaled up so that one device cannot serve both: 3,000 + 1,000 runs of 1,000 us want 4 s a second
        List<App> apps = List.of(wanting("fast", 3_000), wanting("slow", 1_000));

        Estimate e = estimator.estimate(ONE_DEVICE, apps, planner.plan(ONE_DEVICE, apps));

        assertThat(e.throughput()).isCloseTo(0.25, within(1e-9));
        assertThat(e.app("fast").throughput()).isCloseTo(750, within(1e-9));
        assertThat(e.app("slow").throughput()).isCloseTo(250, within(1e-9));
    }

    @Test
    void anAppThatWantsARateLeavesTheRestToAnAppThatWantsAsFastAsPossible() {
        List<App> apps = List.of(wanting("metered", 200), new App("greedy", "net", NET, Capability.CAMERA,
                Capability.DISPLAY));

        Estimate e = estimator.estimate(ONE_DEVICE, apps, planner.plan(ONE_DEVICE, apps));

        // 200 runs take 0.2 s of the device's second; the other 0.8 s run the greedy app
        assertThat(e.app("metered").throughput()).isCloseTo(200, within(1e-9));
        assertThat(e.app("greedy").throughput()).isCloseTo(800, within(1e-9));
        assertThat(e.throughput()).as("the joint rate still weighs the wanted rate: 200 r + r runs a second")
                .isCloseTo(1e6 / 201_000, within(1e-9));
    }

    @Test
    void aWeightWithoutAWantedRateSetsOnlyTheShareNotALimit() {
        App weighted = new App("weighted", "net", NET, Capability.CAMERA, Capability.DISPLAY, 3);
        List<App> apps = List.of(weighted);

        Estimate e = estimator.estimate(ONE_DEVICE, apps, planner.plan(ONE_DEVICE, apps));

        assertThat(weighted.wantsRate()).isFalse();
        assertThat(e.app("weighted").throughput()).isCloseTo(1_000, within(1e-9));
    }

    @Test
    void theExplanationSaysWhatAnAppWantsAndWhatAnotherWeighs() {
        List<App> apps = List.of(wanting("metered", 200), new App("shared", "net", NET, Capability.CAMERA,
                Capability.DISPLAY, 2));
        PlanSet plans = planner.plan(ONE_DEVICE, apps);

        String text = PlanExplanation.of(ONE_DEVICE, apps, plans, estimator.estimate(ONE_DEVICE, apps, plans));

        assertThat(text).contains("metered (net, 3 layers, camera -> display, wants 200/s)")
                .contains("shared (net, 3 layers, camera -> display, weight 2)");
    }

    @Test
    void refusesAWantedRateThatIsNotAPositiveFiniteNumberNamingTheApp() {
        assertThatThrownBy(() -> wanting("x", 0)).hasMessage("app x: wanted rate must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> new App("y", "net", NET, Capability.CAMERA, Capability.DISPLAY, 1, -2))
                .hasMessage("app y: wanted rate must be a finite number >= 0 (0: as fast as possible), got -2.0");
    }

    private static App wanting(String id, double rate) {
        return App.wanting(id, "net", NET, Capability.CAMERA, Capability.DISPLAY, rate);
    }
}
