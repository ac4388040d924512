package io.synergy.contracts.device;

import io.synergy.contracts.Identifier;

/** A gateway brought a device into the fleet (at gateway start, or when the device came online). */
public record DeviceAnnounced(DeviceDescriptor device, double batteryPercent) implements DeviceEvent {

    public DeviceAnnounced {
        Identifier.requirePresent("device", device);
        DeviceEvent.requireBatteryPercent(batteryPercent);
    }

    @Override
    public String deviceId() {
        return device.deviceId();
    }
}
