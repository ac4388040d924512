package io.synergy.gateway.application;

/**
 * How long a device's link takes to move one message: bytes / bandwidth + a fixed per-message
 * latency, in fleet time (before the time scale).
 *
 * @param bandwidthBytesPerSecond sustained payload bandwidth, > 0
 * @param latencyMicros           fixed cost per message, >= 0
 */
public record LinkModel(long bandwidthBytesPerSecond, long latencyMicros) {

    public LinkModel {
        if (bandwidthBytesPerSecond <= 0) {
            throw new IllegalArgumentException("bandwidthBytesPerSecond: must be > 0, got " + bandwidthBytesPerSecond);
        }
        if (latencyMicros < 0) {
            throw new IllegalArgumentException("latencyMicros: must be >= 0, got " + latencyMicros);
        }
    }

    /** Fleet-time microseconds to move {@code bytes} over this link as one message. */
    public double transferMicros(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes: must be >= 0, got " + bytes);
        }
        return bytes * 1_000_000.0 / bandwidthBytesPerSecond + latencyMicros;
    }
}
