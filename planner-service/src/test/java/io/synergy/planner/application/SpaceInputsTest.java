package io.synergy.planner.application;

import io.synergy.contracts.app.AppDeployed;
import io.synergy.contracts.app.AppUndeployed;
import io.synergy.contracts.device.DeviceHeartbeat;
import io.synergy.contracts.device.DeviceLeft;
import io.synergy.contracts.measurement.SegmentTimes;
import io.synergy.contracts.measurement.StageTimesMeasured;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SpaceInputsTest {

    private final SpaceInputs inputs = new SpaceInputs(5, new BatteryPolicy(15, 20));

    @Test
    void aNewDeviceIsAChangeAndItsRepeatedHeartbeatIsNot() {
        assertThat(inputs.apply(Fleet.announced("glasses-1", "camera"))).isTrue();

        assertThat(inputs.apply(new DeviceHeartbeat(Fleet.device("glasses-1", "MAX78000", "camera"), 88, 0))).isFalse();
        assertThat(inputs.snapshot().devices()).hasSize(1);
    }

    @Test
    void aMeasuredSlowdownBeyondTheBandIsAChangeOfFactorsNotOfStructure() {
        inputs.apply(Fleet.announced("glasses-1", "camera"));
        long structure = inputs.snapshot().structuralVersion();

        boolean small = inputs.apply(measured("glasses-1", 1.1));
        boolean beyond = inputs.apply(measured("glasses-1", 3.0));

        assertThat(small).as("10 % slower stays within the default 25 % band").isFalse();
        assertThat(beyond).isTrue();
        SpaceSnapshot snapshot = inputs.snapshot();
        assertThat(snapshot.structuralVersion()).isEqualTo(structure);
        // the default average gives a new window 0.3: 0.3 x 3.0 + 0.7 x 1.1
        assertThat(snapshot.serviceTimeFactors().get("glasses-1")).isCloseTo(1.67, within(1e-9));
        assertThat(inputs.serviceTimes().get("glasses-1").stages()).isEqualTo(80);
    }

    @Test
    void measurementsOfADeviceNotInTheSpaceAreIgnored() {
        assertThat(inputs.apply(measured("ghost-1", 5.0))).isFalse();

        assertThat(inputs.serviceTimes()).isEmpty();
    }

    private static StageTimesMeasured measured(String deviceId, double measuredToModelled) {
        return new StageTimesMeasured(deviceId, "gw-1", 1, 5_000,
                List.of(new SegmentTimes("kws", 0, 9, 40, 1_000 * measuredToModelled, 1_000)));
    }

    @Test
    void aBatteryDropOfAStepIsAChange() {
        inputs.apply(Fleet.announced("glasses-1", "camera"));

        assertThat(inputs.apply(new DeviceHeartbeat(Fleet.device("glasses-1", "MAX78000", "camera"), 85, 0))).isTrue();
        assertThat(inputs.snapshot().devices().get(0).batteryPercent()).isEqualTo(85);
    }

    @Test
    void aDepartureOrATombstoneRemovesTheDevice() {
        inputs.apply(Fleet.announced("glasses-1", "camera"));
        inputs.apply(Fleet.announced("ring-1", "haptic"));

        assertThat(inputs.apply(new DeviceLeft("glasses-1", "gw-1", "unplugged"))).isTrue();
        assertThat(inputs.forgetDevice("ring-1")).isTrue();
        assertThat(inputs.forgetDevice("ring-1")).isFalse();
        assertThat(inputs.snapshot().devices()).isEmpty();
    }

    @Test
    void everyChangeRaisesTheVersionAndNoRepeatDoes() {
        AppDeployed app = new AppDeployed("digits", "mnist", "camera", "display", 0);
        long before = inputs.snapshot().version();

        inputs.apply(app);
        inputs.apply(app);
        inputs.apply(new AppUndeployed("digits"));

        assertThat(inputs.snapshot().version()).isEqualTo(before + 2);
        assertThat(inputs.snapshot().apps()).isEmpty();
    }

    @Test
    void aWhatIfSnapshotLacksOnlyTheNamedDevice() {
        inputs.apply(Fleet.announced("glasses-1", "camera"));
        inputs.apply(Fleet.announced("ring-1", "haptic"));

        SpaceSnapshot without = inputs.snapshot().without("ring-1");

        assertThat(without.devices()).extracting(FleetDevice::id).containsExactly("glasses-1");
        assertThat(without.hasDevice("ring-1")).isFalse();
    }

    @Test
    void aDeviceWhoseBatteryFallsBelowTheThresholdIsPlannedAroundUntilItIsBackAtTheResumeLevel() {
        inputs.apply(Fleet.announced("glasses-1", "camera"));
        inputs.apply(Fleet.announced("ring-1", "haptic"));

        assertThat(inputs.apply(heartbeat("ring-1", 14.9))).as("crossing the threshold is a change").isTrue();
        assertThat(inputs.snapshot().devices()).extracting(FleetDevice::id).containsExactly("glasses-1");
        assertThat(inputs.snapshot().lowBattery()).extracting(FleetDevice::id).containsExactly("ring-1");

        // hysteresis: back above the threshold but below the resume level, still planned around
        assertThat(inputs.apply(heartbeat("ring-1", 17))).isFalse();
        assertThat(inputs.snapshot().hasDevice("ring-1")).isFalse();

        assertThat(inputs.apply(heartbeat("ring-1", 20))).isTrue();
        assertThat(inputs.snapshot().devices()).extracting(FleetDevice::id).containsExactly("glasses-1", "ring-1");
        assertThat(inputs.snapshot().lowBattery()).isEmpty();
    }

    @Test
    void aSmallBatteryStepThatCrossesTheThresholdStillCounts() {
        inputs.apply(new DeviceHeartbeat(Fleet.device("ring-1", "MAX78000", "haptic"), 16, 0));

        assertThat(inputs.apply(heartbeat("ring-1", 14))).as("2 points, less than the 5-point step, but below 15").isTrue();
        assertThat(inputs.snapshot().lowBattery()).extracting(FleetDevice::id).containsExactly("ring-1");
    }

    @Test
    void refusesAResumeLevelBelowTheThreshold() {
        assertThatThrownBy(() -> new BatteryPolicy(15, 10))
                .hasMessage("battery-resume-percent: must be in battery-low-percent (15.0)..100, got 10.0");
    }

    private static DeviceHeartbeat heartbeat(String id, double batteryPercent) {
        return new DeviceHeartbeat(Fleet.device(id, "MAX78000", "haptic"), batteryPercent, 0);
    }
}
