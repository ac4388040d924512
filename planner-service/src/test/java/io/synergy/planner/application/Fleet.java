package io.synergy.planner.application;

import io.synergy.contracts.device.DeviceAnnounced;
import io.synergy.contracts.device.DeviceDescriptor;
import io.synergy.contracts.device.LinkDescriptor;

import java.util.List;

/** Devices for tests. */
final class Fleet {

    static final LinkDescriptor BLE = new LinkDescriptor("ble-2m", 170_000, 7_500);

    private Fleet() {
    }

    static DeviceDescriptor device(String id, String accelerator, String... capabilities) {
        return new DeviceDescriptor(id, "gw-1", accelerator, List.of(capabilities), BLE);
    }

    static DeviceAnnounced announced(String id, String... capabilities) {
        return new DeviceAnnounced(device(id, "MAX78000", capabilities), 90);
    }
}
