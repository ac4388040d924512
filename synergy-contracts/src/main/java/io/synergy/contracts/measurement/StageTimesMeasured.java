package io.synergy.contracts.measurement;

import io.synergy.contracts.Identifier;

import java.util.List;

/**
 * A device's measured stage service times over the last window, per segment, beside what the model
 * predicted for them. A gateway publishes one per device that ran stages in the window.
 *
 * @param loadedEpoch   the plan-set epoch whose segments the device held at the end of the window
 * @param windowMillis  host milliseconds the window lasted
 */
public record StageTimesMeasured(String deviceId, String gatewayId, long loadedEpoch, long windowMillis,
                                 List<SegmentTimes> segments) implements MeasurementEvent {

    public StageTimesMeasured {
        Identifier.require("deviceId", deviceId);
        Identifier.require("gatewayId", gatewayId);
        if (loadedEpoch < 0) {
            throw new IllegalArgumentException("loadedEpoch: must be >= 0, got " + loadedEpoch);
        }
        if (windowMillis < 0) {
            throw new IllegalArgumentException("windowMillis: must be >= 0, got " + windowMillis);
        }
        Identifier.requirePresent("segments", segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("segments: at least one segment's times, got none");
        }
        segments = List.copyOf(segments);
    }

    /** Stages over all segments. */
    public long stages() {
        return segments.stream().mapToLong(SegmentTimes::stages).sum();
    }

    /** Measured over modelled service time across the window's stages (1 when the model was exact). */
    public double measuredToModelled() {
        double measured = 0;
        double modelled = 0;
        for (SegmentTimes s : segments) {
            measured += s.stages() * s.measuredMicros();
            modelled += s.stages() * s.modelledMicros();
        }
        return modelled > 0 ? measured / modelled : 1.0;
    }
}
