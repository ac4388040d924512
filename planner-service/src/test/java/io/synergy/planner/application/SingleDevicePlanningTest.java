package io.synergy.planner.application;

import io.synergy.contracts.app.AppDeployed;
import io.synergy.contracts.plan.AppPlan;
import io.synergy.contracts.plan.DeviceRef;
import io.synergy.core.accelerator.SegmentCostModel;
import io.synergy.core.zoo.Zoo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SingleDevicePlanningTest {

    private static final FleetDevice GLASSES = new FleetDevice(Fleet.device("glasses-1", "MAX78000", "camera", "display"), 90);
    private static final FleetDevice PHONE = new FleetDevice(Fleet.device("phone-1", "MAX78002"), 100);

    private final SingleDevicePlanning planning = new SingleDevicePlanning(new SegmentCostModel());

    @Test
    void runsAModelThatFitsOnItsSourceDevice() {
        PlanOutcome outcome = planning.plan(snapshot(List.of(GLASSES, PHONE), "kws"));

        AppPlan plan = outcome.plans().get(0);
        assertThat(plan.segments()).singleElement().satisfies(s -> {
            assertThat(s.toLayer()).isEqualTo(9);
            assertThat(s.replicas()).containsExactly(new DeviceRef("glasses-1", "gw-1"));
        });
        assertThat(plan.estimate().inferencesPerSecond()).isPositive();
        assertThat(plan.estimate().explanation()).contains("glasses-1");
    }

    @Test
    void movesAModelTooLargeForTheSourceToADeviceThatHoldsIt() {
        PlanOutcome outcome = planning.plan(snapshot(List.of(GLASSES, PHONE), "efficientnetv2"));

        assertThat(outcome.plans().get(0).segments().get(0).replicas()).containsExactly(new DeviceRef("phone-1", "gw-1"));
        assertThat(outcome.plans().get(0).ends().source().deviceId()).isEqualTo("glasses-1");
    }

    @Test
    void leavesAnAppUnplacedWithoutADeviceOfItsSourceCapability() {
        PlanOutcome outcome = planning.plan(snapshot(List.of(PHONE), "kws"));

        assertThat(outcome.plans()).isEmpty();
        assertThat(outcome.unplaced()).singleElement().satisfies(u -> assertThat(u.reason()).contains("camera"));
    }

    private static SpaceSnapshot snapshot(List<FleetDevice> devices, String model) {
        return new SpaceSnapshot(1, devices, Map.of(model, Zoo.model(model).network()),
                List.of(new AppDeployed("app", model, "camera", "display", 0)));
    }
}
