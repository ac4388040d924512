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
    /** Stages that vanished on a failed device, unanswered. */
    long stagesDropped;
    DeviceFault fault = DeviceFault.SERVING;
    /** Multiplies the modelled stage time; 1.0 unless the device was slowed down. */
    double slowFactor = 1.0;

    EmulatedDevice(DeviceSetup setup, int queueCapacity) {
        this.setup = setup;
        this.queueCapacity = queueCapacity;
        this.queue = new ArrayDeque<>(queueCapacity);
    }

    boolean full() {
        return queue.size() >= queueCapacity;
    }

    /** Null when the device can run the stage; else why not. A failed device is not asked: it answers nothing. */
    Rejection check(Stage stage) {
        if (fault == DeviceFault.LEFT) {
            return new Rejection(StageRejection.UNKNOWN_DEVICE, "deviceId: device " + setup.deviceId()
                    + " has left the fleet; stage " + stage.segment().text() + " was not run");
        }
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

    /** The device says goodbye. */
    void leave() {
        if (!fault.present()) {
            throw new FaultTransitionException("device " + setup.deviceId() + " is " + fault.wireName()
                    + "; only a serving or slow device can leave");
        }
        fault = DeviceFault.LEFT;
        slowFactor = 1.0;
    }

    /** The device stops answering, without a goodbye. */
    void fail() {
        if (!fault.present()) {
            throw new FaultTransitionException("device " + setup.deviceId() + " is " + fault.wireName()
                    + "; only a serving or slow device can fail");
        }
        fault = DeviceFault.FAILED;
        slowFactor = 1.0;
    }

    /** Multiplies the device's stage times by {@code factor}; 1.0 restores its modelled speed. */
    void slowDown(double factor) {
        if (!fault.present()) {
            throw new FaultTransitionException("device " + setup.deviceId() + " is " + fault.wireName()
                    + "; only a serving or slow device can be slowed down (join it first)");
        }
        slowFactor = factor;
        fault = factor == 1.0 ? DeviceFault.SERVING : DeviceFault.SLOW;
    }

    /** A device that left or failed comes back at its modelled speed. */
    void rejoin() {
        if (fault.present()) {
            throw new FaultTransitionException("device " + setup.deviceId() + " is " + fault.wireName()
                    + " and already in the fleet; only a device that left or failed can join");
        }
        fault = DeviceFault.SERVING;
        slowFactor = 1.0;
    }

    List<String> segmentTexts() {
        return segments.keySet().stream().map(SegmentKey::text).sorted().toList();
    }

    DeviceState state() {
        return new DeviceState(setup.deviceId(), setup.spec().name(), queue.size(), queueCapacity, busy, loadedEpoch,
                segmentTexts(), segmentsFitTogether, stagesRun, stagesRejected, weightReloads, fault.wireName(), slowFactor,
                stagesDropped);
    }
}
