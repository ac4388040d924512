package io.synergy.gateway.messaging;

import io.synergy.contracts.device.DeviceAnnounced;
import io.synergy.contracts.device.DeviceDescriptor;
import io.synergy.contracts.device.DeviceEvent;
import io.synergy.contracts.device.DeviceHeartbeat;
import io.synergy.contracts.device.DeviceLeft;
import io.synergy.contracts.device.DeviceSegmentsLoaded;
import io.synergy.contracts.device.LinkDescriptor;
import io.synergy.contracts.envelope.Envelope;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.envelope.SchemaVersion;
import io.synergy.contracts.header.Header;
import io.synergy.contracts.topic.Topic;
import io.synergy.gateway.application.DeviceAnnouncements;
import io.synergy.gateway.application.DeviceSetup;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.support.MessageBuilder;

import java.time.Clock;

/** Publishes the life of this gateway's devices on {@code synergy.devices}, keyed by device id. */
public final class DevicePublisher implements DeviceAnnouncements {

    private static final EventCodec<DeviceEvent> DEVICES = EventCodec.of(DeviceEvent.class);

    private final StreamBridge bridge;
    private final String gatewayId;
    private final Clock clock;

    public DevicePublisher(StreamBridge bridge, String gatewayId, Clock clock) {
        this.bridge = bridge;
        this.gatewayId = gatewayId;
        this.clock = clock;
    }

    public DeviceDescriptor descriptor(DeviceSetup setup) {
        return new DeviceDescriptor(setup.deviceId(), gatewayId, setup.spec().name(), setup.capabilities(),
                new LinkDescriptor(setup.linkPreset(), setup.link().bandwidthBytesPerSecond(),
                        setup.link().latencyMicros()));
    }

    @Override
    public void announced(DeviceSetup setup) {
        send(new DeviceAnnounced(descriptor(setup), setup.batteryPercent()));
    }

    public void heartbeat(DeviceSetup setup, long loadedEpoch) {
        send(new DeviceHeartbeat(descriptor(setup), setup.batteryPercent(), loadedEpoch));
    }

    public void segmentsLoaded(DeviceSetup setup, long epoch) {
        send(new DeviceSegmentsLoaded(descriptor(setup), setup.batteryPercent(), epoch));
    }

    /** The device leaves: a {@link DeviceLeft}, then a tombstone so compaction forgets it. */
    @Override
    public void left(DeviceSetup setup, String reason) {
        send(new DeviceLeft(setup.deviceId(), gatewayId, reason));
        bridge.send(Topic.DEVICES.topicName(), MessageBuilder.withPayload(KafkaNull.INSTANCE)
                .setHeader(KafkaHeaders.KEY, KafkaStageSink.utf8(setup.deviceId())).build());
    }

    private void send(DeviceEvent event) {
        bridge.send(Topic.DEVICES.topicName(), MessageBuilder.withPayload(DEVICES.encode(Envelope.of(event, clock)))
                .setHeader(KafkaHeaders.KEY, KafkaStageSink.utf8(event.key()))
                .setHeader(Header.SCHEMA_VERSION.headerName(), KafkaStageSink.utf8(Integer.toString(SchemaVersion.CURRENT)))
                .setHeader(Header.EVENT_TYPE.headerName(), KafkaStageSink.utf8(event.getClass().getSimpleName()))
                .setHeader(Header.CONTENT_TYPE.headerName(), KafkaStageSink.utf8(Header.JSON))
                .build());
    }
}
