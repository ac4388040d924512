package io.synergy.contracts.device;

import io.synergy.contracts.Identifier;

/** A device loaded the weights of its segments for a plan-set epoch and is ready to run its stages. */
public record DeviceSegmentsLoaded(DeviceDescriptor device, double batteryPercent, long epoch) implements DeviceEvent {

    public DeviceSegmentsLoaded {
        Identifier.requirePresent("device", device);
        DeviceEvent.requireBatteryPercent(batteryPercent);
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch: must be >= 1, got " + epoch);
        }
    }

    @Override
    public String deviceId() {
        return device.deviceId();
    }
}
