package io.synergy.contracts.app;

import io.synergy.contracts.Identifier;

/**
 * A user deployed an app: input from a source capability, through a model, to a target capability.
 *
 * @param wantedRatePerSecond inferences per second the user asks for; 0 for "as fast as the fleet allows"
 */
public record AppDeployed(String appId, String modelName, String sourceCapability, String targetCapability,
                          double wantedRatePerSecond) implements AppEvent {

    public AppDeployed {
        Identifier.require("appId", appId);
        Identifier.require("modelName", modelName);
        Identifier.require("sourceCapability", sourceCapability);
        Identifier.require("targetCapability", targetCapability);
        if (!(wantedRatePerSecond >= 0) || Double.isInfinite(wantedRatePerSecond)) {
            throw new IllegalArgumentException("wantedRatePerSecond: must be a finite number >= 0, got " + wantedRatePerSecond);
        }
    }
}
