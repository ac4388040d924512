package io.synergy.executor.application;

import io.synergy.contracts.Identifier;
import io.synergy.contracts.tensor.WireTensor;

import java.time.Duration;

/**
 * A request the executor was asked to run.
 *
 * @param requestId unique among requests in flight
 * @param app       the app it runs on
 * @param input     the input tensor, already checked against the model's signature
 * @param timeout   how long it may take in all; null for the policy's default
 * @param origin    where its outcome goes
 */
public record InferenceRequest(String requestId, ServedApp app, WireTensor input, Duration timeout, Origin origin) {

    /** The longest a client may ask a request to take, over HTTP and Kafka alike. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    public InferenceRequest {
        Identifier.require("requestId", requestId);
        Identifier.requirePresent("app", app);
        Identifier.requirePresent("input", input);
        Identifier.requirePresent("origin", origin);
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout: must be positive or absent, got " + timeout);
        }
    }
}
