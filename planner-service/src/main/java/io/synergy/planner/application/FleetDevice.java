package io.synergy.planner.application;

import io.synergy.contracts.device.DeviceDescriptor;

/** A live device as the planner sees it: its descriptor and battery charge in percent. */
public record FleetDevice(DeviceDescriptor descriptor, double batteryPercent) {

    public String id() {
        return descriptor.deviceId();
    }
}
