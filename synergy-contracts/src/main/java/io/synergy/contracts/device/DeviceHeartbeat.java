package io.synergy.contracts.device;

import io.synergy.contracts.Identifier;

/**
 * A device is still there. A device whose heartbeats stop is treated as gone.
 *
 * @param loadedEpoch the plan-set epoch whose segments the device holds, 0 before the first plan
 */
public record DeviceHeartbeat(DeviceDescriptor device, double batteryPercent, long loadedEpoch) implements DeviceEvent {

    public DeviceHeartbeat {
        Identifier.requirePresent("device", device);
        DeviceEvent.requireBatteryPercent(batteryPercent);
        if (loadedEpoch < 0) {
            throw new IllegalArgumentException("loadedEpoch: must be >= 0, got " + loadedEpoch);
        }
    }

    @Override
    public String deviceId() {
        return device.deviceId();
    }
}
