package io.synergy.core.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synergy.core.planning.synergy.SynergyPlanner;
import io.synergy.core.topology.Capability;
import io.synergy.core.topology.Device;
import io.synergy.core.topology.LinkPreset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VirtualComputingSpaceTest {

    static Device device(String id, Capability... caps) {
        return new Device(id, TestCostModel.MAX78000, Set.of(caps), LinkPreset.BLE_2M.link());
    }

    @Test
    void everyEventMakesTheNextVersion() {
        VirtualComputingSpace empty = VirtualComputingSpace.empty(new TestCostModel());
        VirtualComputingSpace one = empty.apply(new SpaceEvent.DeviceJoined(device("glasses", Capability.CAMERA)));
        VirtualComputingSpace two = one.apply(new SpaceEvent.DeviceJoined(device("watch", Capability.DISPLAY)));
        VirtualComputingSpace charged = two.apply(new SpaceEvent.DeviceChanged(two.device("watch").get().withBattery(0.3)));
        VirtualComputingSpace left = charged.apply(new SpaceEvent.DeviceLeft("glasses"));

        assertThat(List.of(empty, one, two, charged, left)).extracting(VirtualComputingSpace::version)
                .containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(two.devices()).extracting(Device::id).containsExactly("glasses", "watch");
        assertThat(charged.device("watch").get().battery()).isEqualTo(0.3);
        assertThat(left.devices()).extracting(Device::id).containsExactly("watch");
        assertThat(one.devices()).extracting(Device::id).containsExactly("glasses");
        assertThat(left.devicesWith(Capability.DISPLAY)).hasSize(1);
    }

    @Test
    void rejectsEventsThatDoNotFitTheSpace() {
        VirtualComputingSpace space = VirtualComputingSpace.of(new TestCostModel(), List.of(device("glasses")));

        assertThatThrownBy(() -> space.apply(new SpaceEvent.DeviceJoined(device("glasses"))))
                .hasMessage("device glasses: already in the space");
        assertThatThrownBy(() -> space.apply(new SpaceEvent.DeviceLeft("ring")))
                .hasMessage("device ring: not in the space");
        assertThatThrownBy(() -> space.apply(new SpaceEvent.DeviceJoined(
                new Device("x", "max99999", Set.of(), LinkPreset.WIFI.link()))))
                .hasMessage("device x: unknown device type 'max99999'; known: max78000, max78002");
        assertThatThrownBy(() -> space.apply(new SpaceEvent.DeviceChanged(
                new Device("glasses", TestCostModel.MAX78002, Set.of(), LinkPreset.WIFI.link()))))
                .hasMessageContaining("type cannot change");
    }

    @Test
    void aPlanMadeAfterADeviceLeftNeitherUsesItNorReusesTheEpoch() {
        RandomInstances inst = RandomInstances.of(7, 4, 2, 6);
        SynergyPlanner planner = new SynergyPlanner();
        PlanSet before = planner.plan(inst.space, inst.apps);
        String used = before.plans().get(0).segments().get(0).devices().get(0);

        VirtualComputingSpace after = inst.space.apply(new SpaceEvent.DeviceLeft(used));
        PlanSet replanned = planner.plan(after, inst.apps);

        assertThat(replanned.epoch()).isGreaterThan(before.epoch());
        assertThat(replanned.plans()).allSatisfy(p -> {
            assertThat(p.computeDevices()).doesNotContain(used);
            assertThat(List.of(p.sourceDevice(), p.targetDevice())).doesNotContain(used);
        });
    }
}
