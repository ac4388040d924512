package io.synergy.registry.application;

import io.synergy.contracts.device.DeviceAnnounced;
import io.synergy.contracts.device.DeviceDescriptor;
import io.synergy.contracts.device.DeviceHeartbeat;
import io.synergy.contracts.device.LinkDescriptor;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceExpiryTest {

    private static final LinkDescriptor BLE = new LinkDescriptor("ble-2m", 170_000, 7_500);
    private static final DeviceDescriptor GLASSES = new DeviceDescriptor("glasses-1", "gw-head", "MAX78000",
            List.of("camera", "display"), BLE);
    private static final DeviceDescriptor WATCH = new DeviceDescriptor("watch-1", "gw-head", "MAX78000",
            List.of("imu"), BLE);

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final HandClock clock = new HandClock();
    private final DeviceRegistry registry = new DeviceRegistry(clock);
    private final List<String> departures = new ArrayList<>();
    private final DeviceExpiry expiry = new DeviceExpiry(registry,
            (device, reason) -> departures.add(device.deviceId() + " (" + device.gatewayId() + "): " + reason),
            new DeviceExpiry.Policy(Duration.ofSeconds(1), 3));

    @Test
    void writesTheDepartureOfADeviceSilentForMissedHeartbeatsIntervals() {
        registry.apply(new DeviceAnnounced(GLASSES, 90), Instant.EPOCH);
        registry.apply(new DeviceAnnounced(WATCH, 80), Instant.EPOCH);

        clock.advance(Duration.ofMillis(2_000));
        registry.apply(new DeviceHeartbeat(WATCH, 80, 1), Instant.EPOCH);
        assertThat(expiry.sweep()).as("two missed intervals are forgiven").isEmpty();

        clock.advance(Duration.ofMillis(1_000));
        assertThat(expiry.sweep()).containsExactly("glasses-1");

        assertThat(departures).containsExactly("glasses-1 (gw-head): missed heartbeats: nothing heard for 3000 ms (3 x 1000 ms)");
        assertThat(registry.all()).extracting(d -> d.device().deviceId()).containsExactly("watch-1");
        assertThat(expiry.sweep()).as("a departure is written once").isEmpty();
    }

    @Test
    void aDeviceThatSpeaksAgainAfterItsDepartureIsLiveAgain() {
        registry.apply(new DeviceAnnounced(GLASSES, 90), Instant.EPOCH);
        clock.advance(Duration.ofSeconds(5));
        expiry.sweep();

        registry.apply(new DeviceHeartbeat(GLASSES, 90, 4), Instant.EPOCH);

        assertThat(registry.all()).extracting(d -> d.device().deviceId()).containsExactly("glasses-1");
        assertThat(expiry.sweep()).isEmpty();
    }

    @Test
    void silenceIsMeasuredOnTheRegistrysClockNotTheWritersSoAReplayedHistoryIsNotExpiredAtOnce() {
        // a heartbeat written an hour ago and folded now (a restart replaying the topic) counts as heard now
        registry.apply(new DeviceHeartbeat(GLASSES, 90, 2), clock.instant().minus(Duration.ofHours(1)));

        assertThat(expiry.sweep()).isEmpty();
        clock.advance(Duration.ofSeconds(3));
        assertThat(expiry.sweep()).containsExactly("glasses-1");
    }

    @Test
    void aFailedWriteLeavesTheDeviceForTheNextSweep() {
        registry.apply(new DeviceAnnounced(GLASSES, 90), Instant.EPOCH);
        clock.advance(Duration.ofSeconds(3));
        DeviceExpiry failing = new DeviceExpiry(registry, (device, reason) -> {
            throw new StoreUnavailableException("synergy.devices: broker down");
        }, new DeviceExpiry.Policy(Duration.ofSeconds(1), 3));

        assertThatThrownBy(failing::sweep).isInstanceOf(StoreUnavailableException.class);
        assertThat(expiry.sweep()).containsExactly("glasses-1");
    }

    @Test
    void refusesAPolicyThatWouldExpireADeviceOnOneLateHeartbeat() {
        assertThatThrownBy(() -> new DeviceExpiry.Policy(Duration.ofSeconds(1), 1))
                .hasMessage("missed-heartbeats: must be >= 2, got 1");
    }
}
