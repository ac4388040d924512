package io.synergy.registry.messaging;

import io.synergy.contracts.device.DeviceAnnounced;
import io.synergy.contracts.device.DeviceDescriptor;
import io.synergy.contracts.device.DeviceEvent;
import io.synergy.contracts.device.LinkDescriptor;
import io.synergy.contracts.envelope.Envelope;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.registry.application.DeviceRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceBindingTest {

    private static final DeviceDescriptor RING = new DeviceDescriptor("ring-1", "gw-1", "MAX78000", List.of("haptic"),
            new LinkDescriptor("ble-2m", 170_000, 7_500));
    private static final Instant TIME = Instant.parse("2026-11-27T10:15:30Z");

    private final DeviceRegistry devices = new DeviceRegistry();
    private final DeviceBinding binding = new DeviceBinding(devices);

    @Test
    void foldsAnAnnouncementWithTheTimeOfItsEnvelope() {
        binding.accept(MessageBuilder.withPayload(announcement()).build());

        assertThat(devices.all()).singleElement().satisfies(d -> {
            assertThat(d.device()).isEqualTo(RING);
            assertThat(d.lastSeen()).isEqualTo(TIME);
        });
    }

    @Test
    void forgetsTheDeviceOfATombstone() {
        binding.accept(MessageBuilder.withPayload(announcement()).build());

        binding.accept(MessageBuilder.withPayload(KafkaNull.INSTANCE)
                .setHeader(KafkaHeaders.RECEIVED_KEY, "ring-1".getBytes(StandardCharsets.UTF_8)).build());

        assertThat(devices.all()).isEmpty();
    }

    @Test
    void skipsARecordTheContractCannotReadAndKeepsFolding() {
        binding.accept(MessageBuilder.withPayload("{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8)).build());
        binding.accept(MessageBuilder.withPayload(announcement()).build());

        assertThat(devices.all()).hasSize(1);
    }

    private static byte[] announcement() {
        return EventCodec.of(DeviceEvent.class).encode(Envelope.of(new DeviceAnnounced(RING, 75),
                Clock.fixed(TIME, ZoneOffset.UTC)));
    }
}
