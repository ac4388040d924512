package io.synergy.contracts.device;

import io.synergy.contracts.Identifier;

/**
 * A device left the fleet (shut down, unplugged, missed its heartbeats). The gateway then writes a
 * tombstone under the same key so compaction forgets the device.
 *
 * @param reason why, in words (e.g. "gateway stopping", "missed 3 heartbeats")
 */
public record DeviceLeft(String deviceId, String gatewayId, String reason) implements DeviceEvent {

    public DeviceLeft {
        Identifier.require("deviceId", deviceId);
        Identifier.require("gatewayId", gatewayId);
        Identifier.requireText("reason", reason);
    }
}
