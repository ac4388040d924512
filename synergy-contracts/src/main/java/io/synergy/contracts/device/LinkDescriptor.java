package io.synergy.contracts.device;

/**
 * How a device's data reaches its neighbours: a named preset or a measured link.
 *
 * @param preset                   the preset the figures come from (e.g. "ble-2m"), or null when measured
 * @param bandwidthBytesPerSecond  sustained payload bandwidth, > 0
 * @param latencyMicros            fixed cost per message, >= 0
 */
public record LinkDescriptor(String preset, long bandwidthBytesPerSecond, long latencyMicros) {

    public LinkDescriptor {
        if (preset != null && preset.isBlank()) {
            throw new IllegalArgumentException("preset: null (measured) or a name, got blank text");
        }
        if (bandwidthBytesPerSecond <= 0) {
            throw new IllegalArgumentException("bandwidthBytesPerSecond: must be > 0, got " + bandwidthBytesPerSecond);
        }
        if (latencyMicros < 0) {
            throw new IllegalArgumentException("latencyMicros: must be >= 0, got " + latencyMicros);
        }
    }
}
