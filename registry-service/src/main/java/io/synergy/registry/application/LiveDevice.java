package io.synergy.registry.application;

import io.synergy.contracts.device.DeviceDescriptor;

import java.time.Instant;

/**
 * A device of the fleet as its last event described it.
 *
 * @param loadedEpoch the plan-set epoch whose segments it holds, 0 before the first plan
 * @param lastSeen    the time of its last event (announcement, heartbeat or readiness)
 */
public record LiveDevice(DeviceDescriptor device, double batteryPercent, long loadedEpoch, Instant lastSeen) {
}
