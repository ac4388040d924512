package io.synergy.contracts.inference;

import io.synergy.contracts.Identifier;

/**
 * A gateway did not run one stage of a request. Not an outcome for the client: the executor reacts
 * by re-dispatching the request under the current plan (or failing it at its deadline), so the
 * request still gets exactly one {@link InferenceCompleted} or {@link InferenceFailed}.
 *
 * @param epoch       the epoch the stage was dispatched under
 * @param stageIndex  the stage of the route that was rejected (0-based)
 * @param deviceId    the device the stage was meant for
 * @param loadedEpoch the epoch the device had loaded when the stage arrived, 0 before the first plan
 * @param message     what was wrong, naming the segment, the epochs or the sizes
 */
public record StageRejected(String requestId, String appId, long epoch, int stageIndex, String deviceId,
                            StageRejection reason, long loadedEpoch, String message) implements InferenceResultEvent {

    public StageRejected {
        Identifier.require("requestId", requestId);
        Identifier.require("appId", appId);
        Identifier.require("deviceId", deviceId);
        Identifier.requirePresent("reason", reason);
        Identifier.requireText("message", message);
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch: must be >= 1, got " + epoch);
        }
        if (stageIndex < 0) {
            throw new IllegalArgumentException("stageIndex: must be >= 0, got " + stageIndex);
        }
        if (loadedEpoch < 0) {
            throw new IllegalArgumentException("loadedEpoch: must be >= 0, got " + loadedEpoch);
        }
    }
}
