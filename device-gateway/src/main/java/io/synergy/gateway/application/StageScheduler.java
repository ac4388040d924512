package io.synergy.gateway.application;

import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.header.Dispatch;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.StageRejected;
import io.synergy.contracts.inference.StageRejection;
import io.synergy.core.network.Activations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs the stages of a gateway's devices: one stage at a time per device, the rest waiting in the
 * device's bounded FIFO. A stage takes its segment's modelled time (compute + I/O of its
 * {@link io.synergy.core.accelerator.SegmentProfile}, plus its weight-load time when the device's
 * segments do not fit together and another one ran last, see {@link Residency}) scaled by the
 * fleet's {@link TimeScale},
 * measured from the moment it starts; its output then crosses the device's link (bytes / bandwidth +
 * latency, scaled the same way, one transfer at a time per link) to the next stage, or goes straight
 * to the results after the last stage. The arithmetic runs on the clock's threads, never on the
 * caller's, and the modelled time is a scheduled completion, never a sleep.
 *
 * <p>A stage dispatched under an epoch older than its device's loaded epoch, or whose segment the
 * device does not hold, is answered with a {@link StageRejected} when it arrives and again when it
 * would start (a new epoch may load in between); a stage whose deadline has passed when it would
 * start is answered the same way instead of being computed. When a device's queue is full, {@link #submit}
 * says so and the caller waits with {@link #awaitRoom} before offering it again: nothing is dropped.
 */
public final class StageScheduler {

    /** What became of a stage offered to {@link #submit}. */
    public enum Admission {
        /** Queued (or started at once). */
        ACCEPTED,
        /** Answered with a {@link StageRejected}. */
        REJECTED,
        /** The device's queue is full; offer it again once there is room. */
        FULL
    }

    private final Map<String, EmulatedDevice> devices = new LinkedHashMap<>();
    private final DeviceClock clock;
    private final TimeScale timeScale;
    private final StageRunner runner;
    private final StageSink sink;
    private final StageObserver observer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roomFreed = lock.newCondition();

    public StageScheduler(List<DeviceSetup> setups, int queueCapacity, SchedulerTiming timing, StageRunner runner,
                          StageSink sink) {
        this(setups, queueCapacity, timing, runner, sink, StageObserver.NONE);
    }

    public StageScheduler(List<DeviceSetup> setups, int queueCapacity, SchedulerTiming timing, StageRunner runner,
                          StageSink sink, StageObserver observer) {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue-capacity: must be >= 1, got " + queueCapacity);
        }
        for (DeviceSetup setup : setups) {
            if (devices.put(setup.deviceId(), new EmulatedDevice(setup, queueCapacity)) != null) {
                throw new IllegalArgumentException("devices: device id " + setup.deviceId() + " appears twice");
            }
        }
        this.clock = timing.clock();
        this.timeScale = timing.timeScale();
        this.runner = runner;
        this.sink = sink;
        this.observer = observer;
    }

    /** The clock and time scale every modelled duration goes through. */
    public record SchedulerTiming(DeviceClock clock, TimeScale timeScale) {
    }

    public List<DeviceSetup> setups() {
        return devices.values().stream().map(device -> device.setup).toList();
    }

    /**
     * Offers a stage to its device.
     *
     * @return {@link Admission#FULL} without queueing it when the device's queue is full
     */
    public Admission submit(Stage stage) {
        Rejection rejection;
        long loadedEpoch;
        Stage start = null;
        EmulatedDevice device;
        lock.lock();
        try {
            device = devices.get(stage.deviceId());
            if (device == null) {
                rejection = new Rejection(StageRejection.UNKNOWN_DEVICE, "deviceId: this gateway owns "
                        + devices.keySet() + ", not " + stage.deviceId());
                loadedEpoch = 0;
            } else if (device.fault == DeviceFault.FAILED) {
                // a failed device answers nothing: the executor notices by its dispatch timeout
                device.stagesDropped++;
                return Admission.ACCEPTED;
            } else {
                rejection = device.check(stage);
                loadedEpoch = device.loadedEpoch;
                if (rejection != null) {
                    device.stagesRejected++;
                } else if (device.full()) {
                    return Admission.FULL;
                } else {
                    device.queue.addLast(stage);
                    start = takeNextIfIdle(device);
                }
            }
        } finally {
            lock.unlock();
        }
        if (rejection != null) {
            reject(stage, rejection, loadedEpoch);
            return Admission.REJECTED;
        }
        if (start != null) {
            begin(device, start);
        }
        return Admission.ACCEPTED;
    }

    /**
     * Waits until the device's queue has room, at most {@code timeoutNanos}.
     *
     * @return whether there is room now
     */
    public boolean awaitRoom(String deviceId, long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            EmulatedDevice device = devices.get(deviceId);
            long remaining = timeoutNanos;
            while (device != null && device.full()) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = roomFreed.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes the device hold {@code segments} for {@code epoch}, replacing what it held, unless it has
     * already loaded this or a later epoch. Queued stages are checked again when they start.
     *
     * @return whether the device took them
     */
    public boolean install(String deviceId, long epoch, Map<SegmentKey, LoadedSegment> segments) {
        lock.lock();
        try {
            EmulatedDevice device = requireDevice(deviceId);
            if (epoch <= device.loadedEpoch) {
                return false;
            }
            device.loadedEpoch = epoch;
            device.segments = new LinkedHashMap<>(segments);
            device.segmentsFitTogether = Residency.fitTogether(
                    segments.values().stream().map(LoadedSegment::profile).toList(), device.setup.spec());
            // the load leaves the first segment's weights in place when they do not all fit
            device.resident = segments.isEmpty() ? null : segments.keySet().iterator().next();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The segments a device holds now, by key. */
    public Map<SegmentKey, LoadedSegment> segmentsOf(String deviceId) {
        lock.lock();
        try {
            return Map.copyOf(requireDevice(deviceId).segments);
        } finally {
            lock.unlock();
        }
    }

    public long loadedEpoch(String deviceId) {
        lock.lock();
        try {
            return requireDevice(deviceId).loadedEpoch;
        } finally {
            lock.unlock();
        }
    }

    public List<DeviceState> states() {
        lock.lock();
        try {
            List<DeviceState> states = new ArrayList<>();
            devices.values().forEach(device -> states.add(device.state()));
            return states;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The device says goodbye: stages waiting on it are answered {@code UNKNOWN_DEVICE} at once (the
     * executor sends them elsewhere), and any that arrive later too.
     *
     * @throws UnknownDeviceException    for a device this gateway does not own
     * @throws FaultTransitionException  when the device is not serving
     */
    public DeviceState leave(String deviceId) {
        List<Stage> waiting;
        long loadedEpoch;
        DeviceState state;
        lock.lock();
        try {
            EmulatedDevice device = requireDevice(deviceId);
            device.leave();
            waiting = new ArrayList<>(device.queue);
            device.queue.clear();
            device.stagesRejected += waiting.size();
            loadedEpoch = device.loadedEpoch;
            roomFreed.signalAll();
            state = device.state();
        } finally {
            lock.unlock();
        }
        for (Stage stage : waiting) {
            reject(stage, new Rejection(StageRejection.UNKNOWN_DEVICE, "deviceId: device " + deviceId
                    + " left the fleet before running stage " + stage.segment().text()), loadedEpoch);
        }
        return state;
    }

    /**
     * The device stops answering without a goodbye: the stages waiting on it, the running one and
     * any that arrive later vanish unanswered, as on a device that lost power.
     */
    public DeviceState fail(String deviceId) {
        lock.lock();
        try {
            EmulatedDevice device = requireDevice(deviceId);
            device.fail();
            device.stagesDropped += device.queue.size();
            device.queue.clear();
            roomFreed.signalAll();
            return device.state();
        } finally {
            lock.unlock();
        }
    }

    /** Multiplies the device's stage times by {@code factor} from its next stage on; 1.0 restores them. */
    public DeviceState slowDown(String deviceId, double factor) {
        lock.lock();
        try {
            EmulatedDevice device = requireDevice(deviceId);
            device.slowDown(factor);
            return device.state();
        } finally {
            lock.unlock();
        }
    }

    /** A device that left or failed is back, at its modelled speed, holding what it held. */
    public DeviceState join(String deviceId) {
        lock.lock();
        try {
            EmulatedDevice device = requireDevice(deviceId);
            device.rejoin();
            return device.state();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the device is in the fleet (serving or slow): it heartbeats and reports its loads. */
    public boolean present(String deviceId) {
        lock.lock();
        try {
            return requireDevice(deviceId).fault.present();
        } finally {
            lock.unlock();
        }
    }

    /** The device's configuration. */
    public DeviceSetup setup(String deviceId) {
        lock.lock();
        try {
            return requireDevice(deviceId).setup;
        } finally {
            lock.unlock();
        }
    }

    private EmulatedDevice requireDevice(String deviceId) {
        EmulatedDevice device = devices.get(deviceId);
        if (device == null) {
            throw new UnknownDeviceException("deviceId: this gateway owns " + devices.keySet() + ", not " + deviceId);
        }
        return device;
    }

    /** Under the lock: the next stage to start when the device is idle, marking it busy. */
    private Stage takeNextIfIdle(EmulatedDevice device) {
        if (device.busy || device.queue.isEmpty()) {
            return null;
        }
        device.busy = true;
        roomFreed.signalAll();
        return device.queue.pollFirst();
    }

    private void begin(EmulatedDevice device, Stage stage) {
        clock.schedule(0, () -> execute(device, stage));
    }

    /** On a clock thread: checks the stage again, computes it, and schedules its modelled completion. */
    private void execute(EmulatedDevice device, Stage stage) {
        long startNanos = clock.nanoTime();
        LoadedSegment segment;
        Rejection rejection;
        long loadedEpoch;
        boolean reload = false;
        double slowFactor;
        boolean dropped;
        lock.lock();
        try {
            dropped = device.fault == DeviceFault.FAILED;
            slowFactor = device.slowFactor;
            rejection = dropped ? null : device.check(stage);
            if (!dropped && rejection == null && !clock.wallTime().isBefore(stage.headers().dispatch().deadline())) {
                // the executor has given up on this dispatch: computing it would only delay the live ones
                rejection = new Rejection(StageRejection.DEADLINE_PASSED, "deadline: stage " + stage.segment().text()
                        + " of request " + stage.requestId() + " expired at " + stage.headers().dispatch().deadline()
                        + " before device " + device.setup.deviceId() + " could start it");
            }
            loadedEpoch = device.loadedEpoch;
            segment = rejection == null ? device.segments.get(stage.segment()) : null;
            if (dropped) {
                device.stagesDropped++;
            } else if (rejection != null) {
                device.stagesRejected++;
            } else {
                reload = device.switchTo(stage.segment());
            }
        } finally {
            lock.unlock();
        }
        if (dropped) {
            finish(device);
            return;
        }
        if (rejection != null) {
            reject(stage, rejection, loadedEpoch);
            finish(device);
            return;
        }
        Activations output;
        try {
            output = runner.run(segment, stage.value());
        } catch (IllegalArgumentException e) {
            lock.lock();
            try {
                device.stagesRejected++;
            } finally {
                lock.unlock();
            }
            reject(stage, new Rejection(StageRejection.INVALID_ACTIVATION, e.getMessage()), loadedEpoch);
            finish(device);
            return;
        }
        double modelledMicros = slowFactor
                * (segment.profile().roundMicros() + (reload ? segment.profile().weightLoadMicros() : 0));
        long modelledNanos = timeScale.hostNanos(modelledMicros);
        long remaining = modelledNanos - (clock.nanoTime() - startNanos);
        LoadedSegment ran = segment;
        // measured against the model without an injected slow-down, so the planner learns of the slow-down
        long unslowedNanos = timeScale.hostNanos(modelledMicros / slowFactor);
        afterNanos(remaining, () -> {
            long measuredNanos = clock.nanoTime() - startNanos;
            DeviceFault fault;
            lock.lock();
            try {
                fault = device.fault;
                if (fault == DeviceFault.FAILED) {
                    device.stagesDropped++;
                } else if (fault == DeviceFault.LEFT) {
                    device.stagesRejected++;
                } else {
                    device.stagesRun++;
                    device.serviceTimes.record(ran.modelName(), stage.segment(), measuredNanos, unslowedNanos);
                }
            } finally {
                lock.unlock();
            }
            observer.stageServed(device.setup.deviceId(), stage.segment(), clock.nanoTime() - startNanos);
            finish(device);
            if (fault == DeviceFault.LEFT) {
                reject(stage, new Rejection(StageRejection.UNKNOWN_DEVICE, "deviceId: device "
                        + device.setup.deviceId() + " left the fleet while running stage " + stage.segment().text()),
                        loadedEpoch);
            } else if (fault.present()) {
                emit(device, stage, ran, output);
            }
        });
    }

    /**
     * On a clock thread: runs {@code task} after {@code delayNanos}, at once on this thread when the
     * delay is already over (the arithmetic outlasted the modelled time, or a timing-only stage at a
     * small time scale), which saves a hand-over between threads per stage.
     */
    private void afterNanos(long delayNanos, Runnable task) {
        if (delayNanos <= 0) {
            task.run();
        } else {
            clock.schedule(delayNanos, task);
        }
    }

    /** The device is free: starts its next stage, if any. */
    private void finish(EmulatedDevice device) {
        Stage next;
        lock.lock();
        try {
            device.busy = false;
            next = takeNextIfIdle(device);
        } finally {
            lock.unlock();
        }
        if (next != null) {
            begin(device, next);
        }
    }

    private void emit(EmulatedDevice device, Stage stage, LoadedSegment segment, Activations output) {
        ActivationHeaders headers = stage.headers();
        Dispatch dispatch = headers.dispatch();
        if (headers.lastStage()) {
            sink.complete(new InferenceCompleted(dispatch.requestId(), segment.modelName(), dispatch.appId(),
                    dispatch.epoch(), WireForm.result(output)));
            return;
        }
        byte[] bytes = output.encode();
        ActivationHeaders next = headers.next(WireForm.descriptor(output));
        long transferNanos = timeScale.hostNanos(device.setup.link().transferMicros(bytes.length));
        long now = clock.nanoTime();
        long arrival;
        lock.lock();
        try {
            long start = Math.max(now, device.linkFreeAtNanos);
            arrival = start + transferNanos;
            device.linkFreeAtNanos = arrival;
        } finally {
            lock.unlock();
        }
        afterNanos(arrival - now, () -> sink.forward(next, bytes));
    }

    private void reject(Stage stage, Rejection rejection, long loadedEpoch) {
        Dispatch dispatch = stage.headers().dispatch();
        sink.reject(new StageRejected(dispatch.requestId(), dispatch.appId(), dispatch.epoch(),
                stage.headers().stageIndex(), stage.deviceId(), rejection.reason(), loadedEpoch, rejection.message()));
    }

    /**
     * Takes every device's measured service times since the last call (devices that ran no stage are
     * left out), for the planner's online estimation.
     */
    public List<ServiceTimeWindow> drainServiceTimes() {
        lock.lock();
        try {
            List<ServiceTimeWindow> windows = new ArrayList<>();
            for (EmulatedDevice device : devices.values()) {
                device.serviceTimes.drain(device.setup.deviceId(), device.loadedEpoch, timeScale).ifPresent(windows::add);
            }
            return windows;
        } finally {
            lock.unlock();
        }
    }

    /** For tests and the REST view: the state of one device. */
    public Optional<DeviceState> state(String deviceId) {
        lock.lock();
        try {
            return Optional.ofNullable(devices.get(deviceId)).map(EmulatedDevice::state);
        } finally {
            lock.unlock();
        }
    }
}
