package io.synergy.executor.application;

import io.synergy.contracts.Identifier;

/**
 * An app as clients address it: by its id, or by its model's name when exactly one app serves that model.
 *
 * @param appId     the deployed app
 * @param modelName the model it runs
 */
public record ServedApp(String appId, String modelName) {

    public ServedApp {
        Identifier.require("appId", appId);
        Identifier.require("modelName", modelName);
    }
}
