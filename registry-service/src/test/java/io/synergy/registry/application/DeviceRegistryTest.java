package io.synergy.registry.application;

import io.synergy.contracts.device.DeviceAnnounced;
import io.synergy.contracts.device.DeviceDescriptor;
import io.synergy.contracts.device.DeviceHeartbeat;
import io.synergy.contracts.device.DeviceLeft;
import io.synergy.contracts.device.DeviceSegmentsLoaded;
import io.synergy.contracts.device.LinkDescriptor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceRegistryTest {

    private static final LinkDescriptor BLE = new LinkDescriptor("ble-2m", 170_000, 7_500);
    private static final DeviceDescriptor GLASSES = new DeviceDescriptor("glasses-1", "gw-head", "MAX78000",
            List.of("camera", "display"), BLE);
    private static final DeviceDescriptor WATCH = new DeviceDescriptor("watch-1", "gw-head", "MAX78002",
            List.of("imu"), BLE);

    private final DeviceRegistry registry = new DeviceRegistry();

    @Test
    void keepsTheLastStateOfEachDevice() {
        registry.apply(new DeviceAnnounced(GLASSES, 90), Instant.ofEpochSecond(1));
        registry.apply(new DeviceHeartbeat(GLASSES, 88, 0), Instant.ofEpochSecond(2));
        registry.apply(new DeviceSegmentsLoaded(GLASSES, 87, 3), Instant.ofEpochSecond(3));

        assertThat(registry.all()).containsExactly(new LiveDevice(GLASSES, 87, 3, Instant.ofEpochSecond(3)));
    }

    @Test
    void forgetsADeviceThatLeftOrWasTombstoned() {
        registry.apply(new DeviceAnnounced(GLASSES, 90), Instant.EPOCH);
        registry.apply(new DeviceAnnounced(WATCH, 70), Instant.EPOCH);

        registry.apply(new DeviceLeft("glasses-1", "gw-head", "gateway stopping"), Instant.EPOCH);
        assertThat(registry.all()).extracting(d -> d.device().deviceId()).containsExactly("watch-1");

        registry.forget("watch-1");
        assertThat(registry.all()).isEmpty();
    }

    @Test
    void offersTheCapabilitiesOfLiveDevices() {
        registry.apply(new DeviceAnnounced(GLASSES, 90), Instant.EPOCH);
        registry.apply(new DeviceAnnounced(WATCH, 70), Instant.EPOCH);

        assertThat(registry.capabilities()).containsExactly("camera", "display", "imu");
    }
}
