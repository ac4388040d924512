package io.synergy.contracts.inference;

import io.synergy.contracts.envelope.Event;
import io.synergy.contracts.topic.Topic;

/** The events of {@code synergy.inference.results}. Key: request id. Exactly one per accepted request. */
public sealed interface InferenceResultEvent extends Event permits InferenceCompleted, InferenceFailed {

    Topic TOPIC = Topic.INFERENCE_RESULTS;

    String requestId();

    @Override
    default String key() {
        return requestId();
    }
}
