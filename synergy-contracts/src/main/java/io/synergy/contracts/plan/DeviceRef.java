package io.synergy.contracts.plan;

import io.synergy.contracts.Identifier;

/** A device and the gateway that owns it (where its stages are sent). */
public record DeviceRef(String deviceId, String gatewayId) {

    public DeviceRef {
        Identifier.require("deviceId", deviceId);
        Identifier.require("gatewayId", gatewayId);
    }
}
