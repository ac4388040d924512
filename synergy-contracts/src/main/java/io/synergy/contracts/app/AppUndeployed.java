package io.synergy.contracts.app;

import io.synergy.contracts.Identifier;

/** A user removed an app. */
public record AppUndeployed(String appId) implements AppEvent {

    public AppUndeployed {
        Identifier.require("appId", appId);
    }
}
