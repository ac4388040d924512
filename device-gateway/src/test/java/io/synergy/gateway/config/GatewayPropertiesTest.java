package io.synergy.gateway.config;

import io.synergy.core.accelerator.AcceleratorSpec;
import io.synergy.gateway.application.DeviceSetup;
import io.synergy.gateway.application.LinkModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayPropertiesTest {

    private static GatewayProperties gateway(GatewayProperties.Device... devices) {
        return new GatewayProperties("gw-1", 10, false, Duration.ofSeconds(5), 64, Duration.ofSeconds(60), 8, 2,
                List.of(devices), Duration.ofSeconds(5));
    }

    private static GatewayProperties.Device device(String id, String type, String link, Long bandwidth, Long latency) {
        return new GatewayProperties.Device(id, type, List.of("camera"), link, bandwidth, latency, 75);
    }

    @Test
    void mapsAPresetLinkAndAMeasuredLinkOntoTheDevicesSetups() {
        List<DeviceSetup> setups = gateway(device("glasses-1", "max78000", "ble-2m", null, null),
                device("phone-1", "MAX78002", null, 400_000L, 1_000L)).deviceSetups();

        assertThat(setups.get(0).spec()).isEqualTo(AcceleratorSpec.MAX78000);
        assertThat(setups.get(0).linkPreset()).isEqualTo("ble-2m");
        assertThat(setups.get(0).link()).isEqualTo(new LinkModel(170_000, 7_500));
        assertThat(setups.get(1).spec()).isEqualTo(AcceleratorSpec.MAX78002);
        assertThat(setups.get(1).linkPreset()).isNull();
        assertThat(setups.get(1).link()).isEqualTo(new LinkModel(400_000, 1_000));
        assertThat(setups.get(1).batteryPercent()).isEqualTo(75);
        assertThat(gateway(device("a", "max78000", "wifi", null, null)).scale().factor()).isEqualTo(10);
    }

    @Test
    void namesTheDeviceAndFieldOfAnUnknownAcceleratorType() {
        assertThatThrownBy(() -> gateway(device("ring-1", "max78099", "ble-2m", null, null)).deviceSetups())
                .hasMessageContaining("synergy.gateway.devices[ring-1].type").hasMessageContaining("max78099");
    }

    @Test
    void requiresALinkAsAPresetOrAsBandwidthAndLatencyButNotBoth() {
        assertThatThrownBy(() -> gateway(device("ring-1", "max78000", null, 1000L, null)).deviceSetups())
                .hasMessageContaining("devices[ring-1].link: required");
        assertThatThrownBy(() -> gateway(device("ring-1", "max78000", "ble-2m", 1000L, 10L)).deviceSetups())
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> gateway(device("ring-1", "max78000", "smoke-signals", null, null)).deviceSetups())
                .hasMessageContaining("devices[ring-1].link").hasMessageContaining("smoke-signals");
    }
}
