package io.synergy.planner.messaging;

import io.synergy.contracts.envelope.Envelope;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.header.Header;
import io.synergy.contracts.plan.PlanEvent;
import io.synergy.contracts.plan.PlanSetPublished;
import io.synergy.contracts.envelope.SchemaVersion;
import io.synergy.contracts.topic.Topic;
import io.synergy.planner.application.PlanSink;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.time.Clock;

/**
 * Publishes plan sets on {@code synergy.plans} under the key {@link Topic#PLAN_SET_KEY} through the
 * {@code plans-out-0} binding, whose producer is synchronous: {@link #publish} returns once the broker
 * acknowledged the record (acks=all) and throws when it did not.
 */
public final class StreamPlanSink implements PlanSink {

    static final String BINDING = "plans-out-0";

    private final StreamBridge bridge;
    private final EventCodec<PlanEvent> codec = EventCodec.of(PlanEvent.class);
    private final Clock clock;

    public StreamPlanSink(StreamBridge bridge, Clock clock) {
        this.bridge = bridge;
        this.clock = clock;
    }

    @Override
    public void publish(PlanSetPublished planSet) {
        Message<byte[]> message = MessageBuilder.withPayload(codec.encode(Envelope.of(planSet, clock)))
                .setHeader(KafkaHeaders.KEY, Topic.PLAN_SET_KEY)
                .setHeader(Header.SCHEMA_VERSION.headerName(), Integer.toString(SchemaVersion.CURRENT))
                .setHeader(Header.EVENT_TYPE.headerName(), PlanSetPublished.class.getSimpleName())
                .build();
        if (!bridge.send(BINDING, message)) {
            throw new IllegalStateException(Topic.PLANS.topicName() + ": plan set " + planSet.epoch() + " was not sent");
        }
    }
}
