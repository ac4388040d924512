package io.synergy.core.planning;

import java.util.HashSet;
import java.util.List;

/**
 * Layers [from, to) of an app's network on one device, or replicated on several: replica
 * {@code n mod devices.size()} serves the app's n-th inference (round robin).
 */
public record Segment(int from, int to, List<String> devices) {

    public Segment {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("segment: need 0 <= from < to, got [" + from + ", " + to + ")");
        }
        devices = List.copyOf(devices);
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("segment [" + from + ", " + to + "): needs at least one device");
        }
        if (new HashSet<>(devices).size() != devices.size()) {
            throw new IllegalArgumentException("segment [" + from + ", " + to + "): a device is named twice in "
                    + devices);
        }
    }

    public Segment(int from, int to, String device) {
        this(from, to, List.of(device));
    }

    public int layerCount() {
        return to - from;
    }

    public boolean replicated() {
        return devices.size() > 1;
    }
}
