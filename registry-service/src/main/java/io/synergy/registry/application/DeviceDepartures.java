package io.synergy.registry.application;

import io.synergy.contracts.device.DeviceDescriptor;

/** Where the registry tells the fleet that a device is gone ({@code DeviceLeft} and a tombstone). */
public interface DeviceDepartures {

    /**
     * @throws StoreUnavailableException when the departure could not be written (the next sweep tries again)
     */
    void departed(DeviceDescriptor device, String reason);
}
