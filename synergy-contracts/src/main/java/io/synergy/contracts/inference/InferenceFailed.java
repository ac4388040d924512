package io.synergy.contracts.inference;

import io.synergy.contracts.Identifier;

/**
 * An inference could not be served.
 *
 * @param message names the field, the limit or the missing resource
 */
public record InferenceFailed(String requestId, String model, FailureCode code, String message)
        implements InferenceResultEvent {

    public InferenceFailed {
        Identifier.require("requestId", requestId);
        Identifier.requireText("model", model);
        Identifier.requirePresent("code", code);
        Identifier.requireText("message", message);
    }
}
