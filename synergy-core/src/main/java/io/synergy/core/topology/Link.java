package io.synergy.core.topology;

/**
 * A device's link to the other devices of the fleet: effective application bandwidth and a fixed
 * per-message latency. A message of b bytes takes {@code latency + 8 b / bandwidth}; while it is in
 * flight it occupies the radio of both ends (a half-duplex radio serves one message at a time).
 *
 * @param bandwidthKbps  effective payload bandwidth in kilobits (1,000 bits) per second, > 0
 * @param latencyMillis  fixed cost of one message (e.g. waiting for the next BLE connection event), >= 0
 */
public record Link(double bandwidthKbps, double latencyMillis) {

    public Link {
        if (!(bandwidthKbps > 0) || Double.isInfinite(bandwidthKbps)) {
            throw new IllegalArgumentException("link: bandwidthKbps must be a finite number > 0, got "
                    + bandwidthKbps);
        }
        if (!(latencyMillis >= 0) || Double.isInfinite(latencyMillis)) {
            throw new IllegalArgumentException("link: latencyMillis must be a finite number >= 0, got "
                    + latencyMillis);
        }
    }

    /** Microseconds to move {@code bytes} over this link, latency included; 0 bytes cost nothing. */
    public double transferMicros(long bytes) {
        if (bytes <= 0) {
            return 0;
        }
        // bits / (kbit/s) = milliseconds; x1000 for microseconds
        return latencyMillis * 1000.0 + bytes * 8.0 * 1000.0 / bandwidthKbps;
    }

    /**
     * The link a transfer between two devices gets: the slower bandwidth and the longer latency of the
     * two ends (both radios must take part).
     */
    public static Link between(Link a, Link b) {
        return new Link(Math.min(a.bandwidthKbps, b.bandwidthKbps), Math.max(a.latencyMillis, b.latencyMillis));
    }
}
