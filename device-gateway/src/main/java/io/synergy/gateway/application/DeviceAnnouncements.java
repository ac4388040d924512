package io.synergy.gateway.application;

/** Where a device's arrival and orderly departure are told to the fleet ({@code synergy.devices}). */
public interface DeviceAnnouncements {

    void announced(DeviceSetup setup);

    void left(DeviceSetup setup, String reason);
}
