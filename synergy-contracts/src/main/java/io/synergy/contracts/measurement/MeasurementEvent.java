package io.synergy.contracts.measurement;

import io.synergy.contracts.envelope.Event;
import io.synergy.contracts.topic.Topic;

/**
 * The events of {@code synergy.measurements}: what the fleet measured, for the planner's online
 * estimation. Key: device id. Transient: a reader starts at the latest offset, nothing is compacted.
 */
public sealed interface MeasurementEvent extends Event permits StageTimesMeasured {

    Topic TOPIC = Topic.MEASUREMENTS;

    String deviceId();

    @Override
    default String key() {
        return deviceId();
    }
}
