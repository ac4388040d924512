package io.synergy.contracts.model;

import io.synergy.contracts.Identifier;

/**
 * The registry accepted and validated a model; registering a name again replaces it.
 *
 * @param modelName    the name clients infer with ({@code /v2/models/{name}})
 * @param description  free text, or null
 * @param modelPackage the model's network and weights
 */
public record ModelRegistered(String modelName, String description, ModelPackage modelPackage) implements ModelEvent {

    public ModelRegistered {
        Identifier.require("modelName", modelName);
        Identifier.requirePresent("modelPackage", modelPackage);
    }
}
