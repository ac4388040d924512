package io.synergy.gateway.application;

import io.synergy.contracts.inference.StageRejection;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable state of one emulated device. Every field is guarded by the lock of the
 * {@link StageScheduler} that owns the device; nothing here is thread-safe by itself.
 */
final class EmulatedDevice {

    final DeviceSetup setup;
    final ArrayDeque<Stage> queue;
    final int queueCapacity;
    boolean busy;
    long loadedEpoch;
    Map<SegmentKey, LoadedSegment> segments = new HashMap<>();
    /** Whether all of {@link #segments} stay loaded together; if not, a switch reloads weights. */
    boolean segmentsFitTogether = true;
    /** The segment whose weights are in the device now, null before the first install. */
    SegmentKey resident;
    long weightReloads;
    /** When the device's link is free again, host nanoseconds: transfers of one device go one after another. */
    long linkFreeAtNanos = Long.MIN_VALUE;
    long stagesRun;
    /** Measured and modelled service times since the planner was last told. */
    final ServiceTimes serviceTimes = new ServiceTimes();
    long stagesRejected;

    EmulatedDevice(DeviceSetup setup, int queueCapacity) {
        this.setup = setup;
        this.queueCapacity = queueCapacity;
        this.queue = new ArrayDeque<>(queueCapacity);
    }

    boolean full() {
        return queue.size() >= queueCapacity;
    }

    /** Null when the device can run the stage; else why not. */
    Rejection check(Stage stage) {
        long epoch = stage.headers().dispatch().epoch();
        if (epoch < loadedEpoch) {
            return new Rejection(StageRejection.STALE_EPOCH, "epoch: stage "
                    + stage.segment().text() + " was dispatched under epoch " + epoch + ", device "
                    + setup.deviceId() + " has loaded epoch " + loadedEpoch);
        }
        if (!segments.containsKey(stage.segment())) {
            return new Rejection(StageRejection.SEGMENT_NOT_LOADED, "segment: device "
                    + setup.deviceId() + " holds no segment " + stage.segment().text() + " (loaded epoch "
                    + loadedEpoch + ", segments " + segmentTexts() + ")");
        }
        return null;
    }

    /**
     * Under the owner's lock: makes {@code key} the resident segment.
     *
     * @return whether its weights had to be loaded again (they do not fit beside the others)
     */
    boolean switchTo(SegmentKey key) {
        boolean reload = !segmentsFitTogether && !key.equals(resident);
        resident = key;
        if (reload) {
            weightReloads++;
        }
        return reload;
    }

    List<String> segmentTexts() {
        return segments.keySet().stream().map(SegmentKey::text).sorted().toList();
    }

    DeviceState state() {
        return new DeviceState(setup.deviceId(), setup.spec().name(), queue.size(), queueCapacity, busy, loadedEpoch,
                segmentTexts(), segmentsFitTogether, stagesRun, stagesRejected, weightReloads);
    }
}
