package io.synergy.core.planning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How one app runs: its input comes from {@code sourceDevice}, passes through the segments in order
 * (each covering the next layers, together exactly [0, layers)), and the result goes to
 * {@code targetDevice}. Every hop between different devices is a transfer of the tensors live at that
 * split. A device runs at most one segment of an app; the source and target may also run segments.
 */
public record ExecutionPlan(String appId, String sourceDevice, List<Segment> segments, String targetDevice) {

    public ExecutionPlan {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(sourceDevice, "plan " + appId + ": sourceDevice");
        Objects.requireNonNull(targetDevice, "plan " + appId + ": targetDevice");
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("plan " + appId + ": needs at least one segment");
        }
        if (segments.get(0).from() != 0) {
            throw new IllegalArgumentException("plan " + appId + ": the first segment must start at layer 0, got "
                    + segments.get(0).from());
        }
        Set<String> used = new HashSet<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (i > 0 && s.from() != segments.get(i - 1).to()) {
                throw new IllegalArgumentException("plan " + appId + ": segment " + i + " starts at " + s.from()
                        + " but the previous one ends at " + segments.get(i - 1).to());
            }
            for (String d : s.devices()) {
                if (!used.add(d)) {
                    throw new IllegalArgumentException("plan " + appId + ": device " + d
                            + " runs more than one segment");
                }
            }
        }
    }

    /** The number of layers the plan covers (the network's size). */
    public int layers() {
        return segments.get(segments.size() - 1).to();
    }

    /** The split positions between segments, ascending (empty for a one-segment plan). */
    public List<Integer> splits() {
        List<Integer> result = new ArrayList<>();
        for (int i = 1; i < segments.size(); i++) {
            result.add(segments.get(i).from());
        }
        return result;
    }

    /** Every device that runs a segment of the plan. */
    public Set<String> computeDevices() {
        Set<String> result = new HashSet<>();
        for (Segment s : segments) {
            result.addAll(s.devices());
        }
        return result;
    }
}
