package io.synergy.contracts.model;

import io.synergy.contracts.Identifier;

/** A model was deleted from the registry. */
public record ModelRemoved(String modelName) implements ModelEvent {

    public ModelRemoved {
        Identifier.require("modelName", modelName);
    }
}
