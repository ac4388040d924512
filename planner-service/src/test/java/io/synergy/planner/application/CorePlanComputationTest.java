package io.synergy.planner.application;

import io.synergy.contracts.app.AppDeployed;
import io.synergy.contracts.device.LinkDescriptor;
import io.synergy.contracts.plan.AppPlan;
import io.synergy.contracts.plan.DeviceRef;
import io.synergy.contracts.plan.SegmentPlacement;
import io.synergy.core.accelerator.AcceleratorSpec;
import io.synergy.core.accelerator.SegmentCostModel;
import io.synergy.core.planning.AcceleratorCostModel;
import io.synergy.core.planning.synergy.SynergyPlanner;
import io.synergy.core.topology.Link;
import io.synergy.core.zoo.Zoo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorePlanComputationTest {

    private static final FleetDevice GLASSES = new FleetDevice(Fleet.device("glasses-1", "MAX78000", "camera", "display"), 90);
    private static final FleetDevice WATCH = new FleetDevice(Fleet.device("watch-1", "MAX78000", "display"), 80);
    private static final FleetDevice PHONE = new FleetDevice(Fleet.device("phone-1", "MAX78002"), 100);

    private final CorePlanComputation computation = new CorePlanComputation(new SynergyPlanner(),
            new AcceleratorCostModel(new SegmentCostModel()));

    @Test
    void placesEveryAppWithItsDevicesGatewaysEstimateAndExplanation() {
        PlanOutcome outcome = computation.plan(snapshot(List.of(GLASSES, WATCH, PHONE),
                new AppDeployed("captions", "kws", "camera", "display", 0),
                new AppDeployed("scenes", "efficientnetv2", "camera", "display", 0)));

        assertThat(outcome.planner()).isEqualTo("synergy");
        assertThat(outcome.unplaced()).isEmpty();
        assertThat(outcome.plans()).extracting(AppPlan::appId).containsExactlyInAnyOrder("captions", "scenes");
        for (AppPlan plan : outcome.plans()) {
            assertThat(plan.ends().source()).isEqualTo(new DeviceRef("glasses-1", "gw-1"));
            assertThat(plan.layerCount()).isEqualTo(Zoo.network(plan.modelName()).size());
            assertThat(plan.estimate().inferencesPerSecond()).isPositive();
            assertThat(plan.estimate().explanation()).contains("bottleneck");
        }
    }

    @Test
    void placesEverySegmentOfAModelTooLargeForAMax78000OnDevicesThatHoldIt() {
        PlanOutcome outcome = computation.plan(snapshot(List.of(GLASSES, WATCH, PHONE),
                new AppDeployed("scenes", "efficientnetv2", "camera", "display", 0)));
        Map<String, AcceleratorSpec> specs = Map.of("glasses-1", AcceleratorSpec.MAX78000,
                "watch-1", AcceleratorSpec.MAX78000, "phone-1", AcceleratorSpec.MAX78002);
        SegmentCostModel costs = new SegmentCostModel();

        assertThat(outcome.plans()).hasSize(1);
        for (SegmentPlacement segment : outcome.plans().get(0).segments()) {
            for (DeviceRef replica : segment.replicas()) {
                assertThat(costs.fits(Zoo.network("efficientnetv2"), segment.fromLayer(), segment.toLayer(),
                        specs.get(replica.deviceId()))).as("%s on %s", segment, replica).isTrue();
            }
        }
    }

    @Test
    void leavesAppsUnplacedWhenTheirModelIsMissingOrNoDeviceHasTheirSource() {
        PlanOutcome outcome = computation.plan(snapshot(List.of(WATCH, PHONE),
                new AppDeployed("captions", "kws", "camera", "display", 0),
                new AppDeployed("ghost", "nope", "camera", "display", 0)));

        assertThat(outcome.plans()).isEmpty();
        assertThat(outcome.unplaced()).extracting(u -> u.appId()).containsExactlyInAnyOrder("captions", "ghost");
    }

    @Test
    void convertsTheContractLinkToTheCoreUnits() {
        // 170,000 bytes/s = 1,360 kbit/s; 7,500 us = 7.5 ms
        assertThat(CorePlanComputation.link(new LinkDescriptor("ble-2m", 170_000, 7_500))).isEqualTo(new Link(1360, 7.5));
    }

    @Test
    void refusesAnUnknownPlannerNameListingTheKnownOnes() {
        assertThatThrownBy(() -> PlannerChoice.named("magic")).hasMessageContaining("synergy")
                .hasMessageContaining("single-device");
    }

    private static SpaceSnapshot snapshot(List<FleetDevice> devices, AppDeployed... apps) {
        return new SpaceSnapshot(1, devices, Map.of("kws", Zoo.network("kws"), "efficientnetv2",
                Zoo.network("efficientnetv2")), List.of(apps), List.of());
    }
}
