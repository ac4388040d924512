package io.synergy.gateway.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One device's stage service times since the last drain, per segment: how many stages ran, and their
 * measured (start to completion, queueing excluded) and modelled host time. Guarded by the owning
 * scheduler's lock. At most one entry per segment the device holds, so it stays small.
 */
final class ServiceTimes {

    private final Map<SegmentKey, Sums> bySegment = new LinkedHashMap<>();
    private final Map<SegmentKey, String> modelNames = new LinkedHashMap<>();

    private static final class Sums {
        long stages;
        long measuredNanos;
        long modelledNanos;
    }

    void record(String modelName, SegmentKey segment, long measuredNanos, long modelledNanos) {
        Sums sums = bySegment.computeIfAbsent(segment, key -> new Sums());
        modelNames.put(segment, modelName);
        sums.stages++;
        sums.measuredNanos += Math.max(0, measuredNanos);
        sums.modelledNanos += modelledNanos;
    }

    /** The window in fleet time, and a fresh one begins; empty when no stage ran. */
    Optional<ServiceTimeWindow> drain(String deviceId, long loadedEpoch, TimeScale timeScale) {
        if (bySegment.isEmpty()) {
            return Optional.empty();
        }
        List<ServiceTimeWindow.Segment> segments = new ArrayList<>();
        bySegment.forEach((key, sums) -> segments.add(new ServiceTimeWindow.Segment(modelNames.get(key), key,
                sums.stages, timeScale.fleetMicros(sums.measuredNanos) / sums.stages,
                timeScale.fleetMicros(sums.modelledNanos) / sums.stages)));
        bySegment.clear();
        modelNames.clear();
        return Optional.of(new ServiceTimeWindow(deviceId, loadedEpoch, segments));
    }
}
