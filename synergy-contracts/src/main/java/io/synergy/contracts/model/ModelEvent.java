package io.synergy.contracts.model;

import io.synergy.contracts.envelope.Event;
import io.synergy.contracts.topic.Topic;

/** The events of {@code synergy.models}. Key: model name. A null value (tombstone) follows {@link ModelRemoved}. */
public sealed interface ModelEvent extends Event permits ModelRegistered, ModelRemoved {

    Topic TOPIC = Topic.MODELS;

    String modelName();

    @Override
    default String key() {
        return modelName();
    }
}
