package io.synergy.contracts.inference;

import io.synergy.contracts.envelope.Event;
import io.synergy.contracts.topic.Topic;

/**
 * The events of {@code synergy.inference.results} and {@code synergy.stage.outcomes}. Key: request id.
 * On the results topic the executor writes exactly one {@link InferenceCompleted} or
 * {@link InferenceFailed} per accepted Kafka request. On the stage-outcomes topic the gateways report
 * completions (possibly more than one per request after a re-dispatch) and {@link StageRejected}, a
 * signal to the executor that a gateway could not run a stage.
 */
public sealed interface InferenceResultEvent extends Event permits InferenceCompleted, InferenceFailed, StageRejected {

    Topic TOPIC = Topic.INFERENCE_RESULTS;

    String requestId();

    @Override
    default String key() {
        return requestId();
    }
}
