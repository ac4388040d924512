package io.synergy.gateway.application;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Named links a device can be configured with instead of measured figures. Bandwidths are
 * sustained application payload rates, not PHY rates, and the latencies one message's fixed cost;
 * both are rounded planning figures:
 * <ul>
 *   <li>BLE: the 1M and 2M PHYs carry at most about 0.8 and 1.4 Mbit/s of GATT payload with data length
 *       extension (Bluetooth Core Specification 5.x, LE 2M PHY); a phone-side connection interval of
 *       7.5 ms bounds the per-message latency;</li>
 *   <li>UART at 921,600 baud with 10 bits per byte: 92,160 B/s;</li>
 *   <li>SPI at 10 MHz: 1.25 MB/s;</li>
 *   <li>Wi-Fi: a conservative 20 Mbit/s and 2 ms for an MCU-class module.</li>
 * </ul>
 * The planner's own presets (synergy-core topology) take over when they land; the names stay.
 */
public enum LinkPreset {
    BLE_1M("ble-1m", 100_000, 7_500),
    BLE_2M("ble-2m", 170_000, 7_500),
    UART_921K("uart-921k", 92_160, 100),
    SPI_10M("spi-10m", 1_250_000, 50),
    WIFI("wifi", 2_500_000, 2_000);

    private final String presetName;
    private final LinkModel link;

    LinkPreset(String presetName, long bandwidthBytesPerSecond, long latencyMicros) {
        this.presetName = presetName;
        this.link = new LinkModel(bandwidthBytesPerSecond, latencyMicros);
    }

    public String presetName() {
        return presetName;
    }

    public LinkModel link() {
        return link;
    }

    /** The preset of this name, case-insensitive ("ble-2m"). */
    public static LinkPreset byName(String name) {
        for (LinkPreset preset : values()) {
            if (preset.presetName.equalsIgnoreCase(name.trim())) {
                return preset;
            }
        }
        throw new IllegalArgumentException("link preset: unknown '" + name + "'; known: "
                + Arrays.stream(values()).map(LinkPreset::presetName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return presetName.toLowerCase(Locale.ROOT);
    }
}
