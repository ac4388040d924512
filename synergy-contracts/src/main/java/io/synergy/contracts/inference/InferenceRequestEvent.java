package io.synergy.contracts.inference;

import io.synergy.contracts.envelope.Event;
import io.synergy.contracts.topic.Topic;

/** The events of {@code synergy.inference.requests}. Key: request id. */
public sealed interface InferenceRequestEvent extends Event permits InferenceRequested {

    Topic TOPIC = Topic.INFERENCE_REQUESTS;

    String requestId();

    @Override
    default String key() {
        return requestId();
    }
}
