package io.synergy.contracts.app;

import io.synergy.contracts.envelope.Event;
import io.synergy.contracts.topic.Topic;

/** The events of {@code synergy.apps}. Key: app id. A null value (tombstone) follows {@link AppUndeployed}. */
public sealed interface AppEvent extends Event permits AppDeployed, AppUndeployed {

    Topic TOPIC = Topic.APPS;

    String appId();

    @Override
    default String key() {
        return appId();
    }
}
