package io.synergy.core.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkTest {

    @Test
    void aTransferTakesTheLatencyPlusTheBytesAtTheBandwidth() {
        Link link = new Link(1_000, 2.0);

        // 1,000 bytes = 8,000 bits at 1,000 kbit/s = 8 ms, plus 2 ms
        assertThat(link.transferMicros(1_000)).isCloseTo(10_000, within(1e-9));
        assertThat(link.transferMicros(0)).isZero();
    }

    @Test
    void aTransferBetweenTwoDevicesGetsTheSlowerBandwidthAndTheLongerLatency() {
        assertThat(Link.between(new Link(1_360, 7.5), new Link(10_000, 0.05))).isEqualTo(new Link(1_360, 7.5));
    }

    @Test
    void everyPresetTheIssueNamesExists() {
        assertThat(Arrays.stream(LinkPreset.values()).map(LinkPreset::id))
                .contains("ble-1m", "ble-2m", "uart", "spi", "wifi");
        assertThat(LinkPreset.named("BLE-2M")).isEqualTo(LinkPreset.BLE_2M);
        assertThat(LinkPreset.BLE_2M.link().bandwidthKbps()).isGreaterThan(LinkPreset.BLE_1M.link().bandwidthKbps());
    }

    @Test
    void rejectsNonsenseNamingTheField() {
        assertThatThrownBy(() -> new Link(0, 1)).hasMessageContaining("bandwidthKbps must be a finite number > 0");
        assertThatThrownBy(() -> new Link(10, -1)).hasMessageContaining("latencyMillis must be a finite number >= 0");
        assertThatThrownBy(() -> LinkPreset.named("zigbee")).hasMessageStartingWith("unknown link preset 'zigbee'");
        assertThatThrownBy(() -> Capability.named("lidar")).hasMessageStartingWith("unknown capability 'lidar'");
        assertThatThrownBy(() -> new Device("d", "max78000", Set.of(), LinkPreset.SPI.link(), 1.2))
                .hasMessage("device d: battery must be in [0, 1], got 1.2");
    }
}
