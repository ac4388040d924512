package io.synergy.contracts.inference;

import io.synergy.contracts.Identifier;
import io.synergy.contracts.tensor.WireTensor;

/**
 * An inference finished: the output of the last stage.
 *
 * @param appId  the app that served it
 * @param epoch  the plan-set epoch it ran under
 * @param output the network's output (INT32 for a wide last layer, else INT8)
 */
public record InferenceCompleted(String requestId, String model, String appId, long epoch, WireTensor output)
        implements InferenceResultEvent {

    public InferenceCompleted {
        Identifier.require("requestId", requestId);
        Identifier.require("model", model);
        Identifier.require("appId", appId);
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch: must be >= 1, got " + epoch);
        }
        Identifier.requirePresent("output", output);
    }
}
