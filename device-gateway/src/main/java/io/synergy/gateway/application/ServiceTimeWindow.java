package io.synergy.gateway.application;

import java.util.List;

/**
 * What one device measured over a window, per segment, in fleet microseconds (means per stage).
 *
 * @param loadedEpoch the epoch the device held when the window was taken
 */
public record ServiceTimeWindow(String deviceId, long loadedEpoch, List<Segment> segments) {

    public ServiceTimeWindow {
        segments = List.copyOf(segments);
    }

    /** One segment's stages in the window. */
    public record Segment(String modelName, SegmentKey key, long stages, double measuredMicros, double modelledMicros) {
    }
}
