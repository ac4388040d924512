package io.synergy.core.topology;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Named links for scenario files ({@code link: ble-2m}). Figures are effective application payload
 * rates, not on-air bit rates, with the source of each. A measured link can always be given instead
 * as {@code {bandwidthKbps, latencyMs}}.
 */
public enum LinkPreset {

    /**
     * Bluetooth LE, 1M PHY, data length extension and 247-byte ATT MTU, notifications at a 7.5 ms
     * connection interval: about 0.8 Mbit/s of payload (Nordic Semiconductor, S140 SoftDevice
     * Specification, chapter "Bluetooth Low Energy data throughput"; Novel Bits, "Bluetooth 5 speed:
     * How to achieve maximum throughput for your BLE application", nRF52 measurements). Latency: one
     * connection interval, 7.5 ms, the minimum the Bluetooth Core Specification (Vol 6, Part B, 4.5.1)
     * allows. The device-gateway's preset of the same name uses the same figures.
     */
    BLE_1M("ble-1m", new Link(800, 7.5)),

    /**
     * Bluetooth LE, 2M PHY, same settings: about 1.36 Mbit/s of payload (same sources as
     * {@link #BLE_1M}); 7.5 ms connection interval.
     */
    BLE_2M("ble-2m", new Link(1_360, 7.5)),

    /**
     * UART at 921,600 baud with 8N1 framing (10 line bits per byte): 737.28 kbit/s of payload
     * (arithmetic on the framing, MAX78000 UART with DMA); 0.1 ms per message for the interrupt and
     * DMA set-up on both ends (our estimate).
     */
    UART("uart", new Link(737.28, 0.1)),

    /**
     * SPI at a 10 MHz serial clock, one bit per clock (the MAX78000 SPI runs faster as master, MAX78000
     * data sheet, "SPI"; a peer MCU as slave and board wiring are the limit): 10 Mbit/s; 0.05 ms per
     * message for chip select and DMA set-up (our estimate). Same figures as the device-gateway's
     * {@code spi-10m}.
     */
    SPI("spi", new Link(10_000, 0.05)),

    /**
     * Wi-Fi through an ESP32-class companion radio: about 20 Mbit/s TCP payload (Espressif, ESP-IDF
     * Programming Guide, "Wi-Fi Driver", throughput figures measured with iperf, 20-30 Mbit/s TCP);
     * 2 ms per message for the TCP/IP stack and air access (our estimate).
     */
    WIFI("wifi", new Link(20_000, 2.0));

    private final String id;
    private final Link link;

    LinkPreset(String id, Link link) {
        this.id = id;
        this.link = link;
    }

    /** The name used in scenario files ({@code ble-2m}). */
    public String id() {
        return id;
    }

    public Link link() {
        return link;
    }

    public static LinkPreset named(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (LinkPreset p : values()) {
            if (p.id.equals(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown link preset '" + name + "'; known: "
                + Arrays.stream(values()).map(LinkPreset::id).collect(Collectors.joining(", ")));
    }
}
