package io.synergy.contracts.inference;

import io.synergy.contracts.Identifier;
import io.synergy.contracts.tensor.WireTensor;

/**
 * A client asks for one inference. Its outcome appears on {@code synergy.inference.results} under
 * the same key.
 *
 * @param requestId     chosen by the client, unique; a repeated id is answered once
 * @param model         the name the app is served under ({@code /v2/models/{name}})
 * @param input         the input tensor, in the shape and datatype of the model's input
 * @param timeoutMillis how long the client waits, > 0; 0 for the executor's default
 */
public record InferenceRequested(String requestId, String model, WireTensor input, long timeoutMillis)
        implements InferenceRequestEvent {

    public InferenceRequested {
        Identifier.require("requestId", requestId);
        Identifier.require("model", model);
        Identifier.requirePresent("input", input);
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeoutMillis: must be >= 0 (0 for the default), got " + timeoutMillis);
        }
    }
}
