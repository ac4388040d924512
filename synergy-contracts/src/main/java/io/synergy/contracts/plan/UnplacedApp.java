package io.synergy.contracts.plan;

import io.synergy.contracts.Identifier;

/**
 * An app the planner could not place on the current fleet.
 *
 * @param reason the limit that no placement met, e.g. "no device with capability camera"
 */
public record UnplacedApp(String appId, String reason) {

    public UnplacedApp {
        Identifier.require("appId", appId);
        Identifier.requireText("reason", reason);
    }
}
