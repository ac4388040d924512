package io.synergy.gateway.application;

/**
 * Fault injection on this gateway's devices: make one leave (with a goodbye), fail silently, slow
 * down, or join again. The scheduler changes what the device does with stages; the fleet hears of a
 * leave or a join here, and of a failure only through the heartbeats that stop.
 */
public final class DeviceFaults {

    /** The largest slow-down factor accepted: a stage 100 times slower already looks dead to the executor. */
    public static final double MAX_SLOW_FACTOR = 100.0;

    private final StageScheduler scheduler;
    private final DeviceAnnouncements announcements;

    public DeviceFaults(StageScheduler scheduler, DeviceAnnouncements announcements) {
        this.scheduler = scheduler;
        this.announcements = announcements;
    }

    /** The device says goodbye ({@code DeviceLeft}) and stops; its waiting stages are given back. */
    public DeviceState leave(String deviceId) {
        DeviceState state = scheduler.leave(deviceId);
        announcements.left(scheduler.setup(deviceId), "left on request (fault injection)");
        return state;
    }

    /** The device stops answering and heartbeating, with no goodbye. */
    public DeviceState fail(String deviceId) {
        return scheduler.fail(deviceId);
    }

    /**
     * Multiplies the device's stage times by {@code factor}; 1.0 restores them.
     *
     * @throws IllegalArgumentException when factor is not in 1.0..{@value #MAX_SLOW_FACTOR}
     */
    public DeviceState slowDown(String deviceId, double factor) {
        if (!(factor >= 1.0 && factor <= MAX_SLOW_FACTOR)) {
            throw new IllegalArgumentException("factor: must be in 1.0.." + MAX_SLOW_FACTOR + ", got " + factor);
        }
        return scheduler.slowDown(deviceId, factor);
    }

    /** A device that left or failed announces itself again, at factor 1.0. */
    public DeviceState join(String deviceId) {
        DeviceState state = scheduler.join(deviceId);
        announcements.announced(scheduler.setup(deviceId));
        return state;
    }
}
