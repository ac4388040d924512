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
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
    void publishesEachAppAtItsWantedRateWhenTheFleetServesThemAll() {
        // the fleet runs these apps together at 2.8 times the wanted rates; no app is estimated above its own
        PlanOutcome outcome = computation.plan(snapshot(List.of(GLASSES, WATCH, PHONE),
                new AppDeployed("captions", "kws", "camera", "display", 30),
                new AppDeployed("scenes", "efficientnetv2", "camera", "display", 10)));

        Map<String, Double> rates = outcome.plans().stream()
                .collect(Collectors.toMap(AppPlan::appId, p -> p.estimate().inferencesPerSecond()));
        assertThat(rates.get("captions")).isCloseTo(30, within(1e-9));
        assertThat(rates.get("scenes")).isCloseTo(10, within(1e-9));
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
    void usageSumsTheResidentSegmentsOfEachDeviceAgainstItsCapacityWithItsUtilisation() {
        SpaceSnapshot snapshot = snapshot(List.of(GLASSES, WATCH, PHONE),
                new AppDeployed("captions", "kws", "camera", "display", 0),
                new AppDeployed("scenes", "efficientnetv2", "camera", "display", 0));
        List<AppPlan> plans = computation.plan(snapshot).plans();
        AcceleratorCostModel costs = new AcceleratorCostModel(new SegmentCostModel());

        List<DeviceUsage> usage = computation.usage(snapshot, plans);

        assertThat(usage).extracting(u -> u.descriptor().deviceId()).containsExactly("glasses-1", "watch-1", "phone-1");
        for (DeviceUsage device : usage) {
            String type = AcceleratorCostModel.typeOf(device.descriptor().accelerator());
            long layers = 0;
            for (AppPlan plan : plans) {
                for (SegmentPlacement segment : plan.segments()) {
                    if (segment.replicas().stream().anyMatch(r -> r.deviceId().equals(device.descriptor().deviceId()))) {
                        layers += costs.segment(Zoo.network(plan.modelName()), segment.fromLayer(), segment.toLayer(), type)
                                .orElseThrow().resources().layers();
                    }
                }
            }
            assertThat(device.resident().layers()).as(device.descriptor().deviceId()).isEqualTo(layers);
            assertThat(device.capacity().layers()).isEqualTo(type.equals("max78002") ? 128 : 32);
            assertThat(device.computeUtilisation()).isBetween(0.0, 1.0);
            assertThat(device.segments().isEmpty()).isEqualTo(layers == 0);
        }
        assertThat(usage).anySatisfy(device -> assertThat(device.computeUtilisation()).isPositive());
        assertThat(usage.stream().mapToDouble(DeviceUsage::computeUtilisation).max().orElseThrow()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void usageOfADeviceThatLeftIsGoneAndThePlansStillNamingItGiveNoUtilisation() {
        SpaceSnapshot snapshot = snapshot(List.of(GLASSES, WATCH, PHONE),
                new AppDeployed("scenes", "efficientnetv2", "camera", "display", 0));
        List<AppPlan> plans = computation.plan(snapshot).plans();
        String used = plans.get(0).segments().get(0).replicas().get(0).deviceId();

        List<DeviceUsage> usage = computation.usage(snapshot.without(used), plans);

        assertThat(usage).extracting(u -> u.descriptor().deviceId()).doesNotContain(used);
        assertThat(usage).allSatisfy(device -> assertThat(device.computeUtilisation()).isZero());
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
