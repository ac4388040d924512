package io.synergy.registry.messaging;

import io.synergy.contracts.device.DeviceEvent;
import io.synergy.contracts.envelope.Envelope;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.topic.Topic;
import io.synergy.registry.application.DeviceRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Folds {@code synergy.devices} into the {@link DeviceRegistry}: the gateways write that topic, the
 * registry only reads it, so a plain Spring Cloud Stream consumer (no group, first offset) does. A
 * tombstone arrives as {@link KafkaNull} and forgets its key.
 */
public final class DeviceBinding implements Consumer<Message<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceBinding.class);

    private final DeviceRegistry devices;
    private final EventCodec<DeviceEvent> codec = EventCodec.of(DeviceEvent.class);

    public DeviceBinding(DeviceRegistry devices) {
        this.devices = devices;
    }

    @Override
    public void accept(Message<?> message) {
        Object payload = message.getPayload();
        try {
            if (payload instanceof KafkaNull) {
                Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
                if (key instanceof byte[]) {
                    devices.forget(new String((byte[]) key, StandardCharsets.UTF_8));
                } else if (key != null) {
                    devices.forget(key.toString());
                }
            } else if (payload instanceof byte[]) {
                Envelope<DeviceEvent> envelope = codec.decode((byte[]) payload);
                devices.apply(envelope.event(), envelope.time());
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: record skipped: {}", Topic.DEVICES.topicName(), e.getMessage());
        }
    }
}
