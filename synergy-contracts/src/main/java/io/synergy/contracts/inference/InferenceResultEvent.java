package io.synergy.contracts.inference;

import io.synergy.contracts.envelope.Event;
import io.synergy.contracts.topic.Topic;

/**
 * The events of {@code synergy.inference.results}. Key: request id. Exactly one
 * {@link InferenceCompleted} or {@link InferenceFailed} per accepted request; {@link StageRejected}
 * is a signal to the executor (a gateway could not run a stage), which clients skip.
 */
public sealed interface InferenceResultEvent extends Event permits InferenceCompleted, InferenceFailed, StageRejected {

    Topic TOPIC = Topic.INFERENCE_RESULTS;

    String requestId();

    @Override
    default String key() {
        return requestId();
    }
}
