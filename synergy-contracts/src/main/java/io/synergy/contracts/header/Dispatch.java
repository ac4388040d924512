package io.synergy.contracts.header;

import io.synergy.contracts.Identifier;

import java.time.Instant;

/**
 * What the executor stamps on a request when it admits it; every activation of the request carries
 * it unchanged.
 *
 * @param requestId the request
 * @param appId     the app whose plan it follows
 * @param epoch     the plan-set epoch of the route (>= 1)
 * @param route     the stages, one device per segment
 * @param deadline  when the executor gives up on this dispatch
 */
public record Dispatch(String requestId, String appId, long epoch, Route route, Instant deadline) {

    public Dispatch {
        Identifier.require("requestId", requestId);
        Identifier.require("appId", appId);
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch: must be >= 1, got " + epoch);
        }
        Identifier.requirePresent("route", route);
        Identifier.requirePresent("deadline", deadline);
    }
}
