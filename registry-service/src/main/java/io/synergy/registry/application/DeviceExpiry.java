package io.synergy.registry.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns missed heartbeats into a departure. A device that fails silently, or whose gateway was
 * killed, never says goodbye; the registry is the one place that watches the heartbeats, and after
 * {@code missedHeartbeats} intervals without any event of a device it writes a {@code DeviceLeft}
 * (and a tombstone) on its behalf, so the planner, the executor and this registry all see the same
 * departure. A device that speaks again afterwards (a late heartbeat, a join) is simply live again.
 */
public final class DeviceExpiry {

    private final DeviceRegistry devices;
    private final DeviceDepartures departures;
    private final Policy policy;

    /**
     * @param heartbeatInterval how often gateways heartbeat their devices (theirs, {@code synergy.gateway.heartbeat-interval})
     * @param missedHeartbeats  intervals without a word after which a device is gone, >= 2 so one late heartbeat is forgiven
     */
    public record Policy(Duration heartbeatInterval, int missedHeartbeats) {

        public Policy {
            Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
            if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
                throw new IllegalArgumentException("heartbeat-interval: must be > 0, got " + heartbeatInterval);
            }
            if (missedHeartbeats < 2) {
                throw new IllegalArgumentException("missed-heartbeats: must be >= 2, got " + missedHeartbeats);
            }
        }

        /** How long a device may stay silent. */
        public Duration silence() {
            return heartbeatInterval.multipliedBy(missedHeartbeats);
        }
    }

    public DeviceExpiry(DeviceRegistry devices, DeviceDepartures departures, Policy policy) {
        this.devices = devices;
        this.departures = departures;
        this.policy = policy;
    }

    /**
     * Writes a departure for every device silent for too long. A write that fails is left for the next sweep.
     *
     * @return the ids of the devices it wrote a departure for
     */
    public List<String> sweep() {
        List<String> expired = new ArrayList<>();
        for (LiveDevice silent : devices.silentFor(policy.silence())) {
            String reason = "missed heartbeats: nothing heard for " + policy.silence().toMillis() + " ms ("
                    + policy.missedHeartbeats() + " x " + policy.heartbeatInterval().toMillis() + " ms)";
            departures.departed(silent.device(), reason);
            // the departure comes back through the fold; forgetting it now keeps the next sweep from repeating it
            devices.forget(silent.device().deviceId());
            expired.add(silent.device().deviceId());
        }
        return expired;
    }
}
