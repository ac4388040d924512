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
 * @param repeatable whether a client may send the same id again for the same answer (an HTTP request with
 *                  its own Idempotency-Key): only such results are remembered after completion. A Kafka
 *                  request's one outcome is on the results topic; an HTTP request with a generated id
 *                  cannot be repeated; keeping their results would only fill the heap
 */
public record InferenceRequest(String requestId, ServedApp app, WireTensor input, Duration timeout, Origin origin,
                               boolean repeatable) {

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

    /** A request whose client chose its id: repeatable over HTTP, answered on the results topic over Kafka. */
    public InferenceRequest(String requestId, ServedApp app, WireTensor input, Duration timeout, Origin origin) {
        this(requestId, app, input, timeout, origin, origin == Origin.HTTP);
    }
}
