package io.synergy.contracts.plan;

import io.synergy.contracts.envelope.Event;
import io.synergy.contracts.topic.Topic;

/** The events of {@code synergy.plans}. Key: {@link Topic#PLAN_SET_KEY}, so compaction keeps the current plan set. */
public sealed interface PlanEvent extends Event permits PlanSetPublished {

    Topic TOPIC = Topic.PLANS;

    @Override
    default String key() {
        return Topic.PLAN_SET_KEY;
    }
}
