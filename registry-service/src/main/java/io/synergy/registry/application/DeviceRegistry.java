package io.synergy.registry.application;

import io.synergy.contracts.device.DeviceAnnounced;
import io.synergy.contracts.device.DeviceEvent;
import io.synergy.contracts.device.DeviceHeartbeat;
import io.synergy.contracts.device.DeviceLeft;
import io.synergy.contracts.device.DeviceSegmentsLoaded;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live fleet, folded from {@code synergy.devices}: every event about a live device carries its
 * whole descriptor, so the last one per device is its state; a departure or a tombstone removes it.
 * It also remembers when it last heard of each device on its own clock, so that {@link DeviceExpiry}
 * can find the devices that went silent: a device that fails cannot say goodbye, and neither can a
 * gateway that was killed.
 */
public final class DeviceRegistry implements StateFold<DeviceEvent> {

    private final Map<String, LiveDevice> devices = new ConcurrentHashMap<>();
    /** When this registry last folded an event of the device (its clock, not the writer's). */
    private final Map<String, Instant> heardAt = new ConcurrentHashMap<>();
    private final Clock clock;

    public DeviceRegistry() {
        this(Clock.systemUTC());
    }

    public DeviceRegistry(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void apply(DeviceEvent event, Instant time) {
        if (!(event instanceof DeviceLeft)) {
            heardAt.put(event.deviceId(), clock.instant());
        }
        fold(event, time);
    }

    private void fold(DeviceEvent event, Instant time) {
        if (event instanceof DeviceAnnounced) {
            DeviceAnnounced announced = (DeviceAnnounced) event;
            devices.put(event.deviceId(), new LiveDevice(announced.device(), announced.batteryPercent(), 0, time));
        } else if (event instanceof DeviceHeartbeat) {
            DeviceHeartbeat heartbeat = (DeviceHeartbeat) event;
            devices.put(event.deviceId(), new LiveDevice(heartbeat.device(), heartbeat.batteryPercent(),
                    heartbeat.loadedEpoch(), time));
        } else if (event instanceof DeviceSegmentsLoaded) {
            DeviceSegmentsLoaded loaded = (DeviceSegmentsLoaded) event;
            devices.put(event.deviceId(), new LiveDevice(loaded.device(), loaded.batteryPercent(), loaded.epoch(),
                    time));
        } else if (event instanceof DeviceLeft) {
            devices.remove(event.deviceId());
            heardAt.remove(event.deviceId());
        }
    }

    @Override
    public void forget(String key) {
        devices.remove(key);
        heardAt.remove(key);
    }

    /** Live devices not heard of for at least {@code silence}, by device id. */
    public List<LiveDevice> silentFor(Duration silence) {
        Instant cutoff = clock.instant().minus(silence);
        return devices.values().stream()
                .filter(d -> !heardAt.getOrDefault(d.device().deviceId(), Instant.MAX).isAfter(cutoff))
                .sorted(Comparator.comparing(d -> d.device().deviceId())).toList();
    }

    /** By device id. */
    public List<LiveDevice> all() {
        return devices.values().stream().sorted(Comparator.comparing(d -> d.device().deviceId())).toList();
    }

    /** Every capability some live device offers. */
    public Set<String> capabilities() {
        Set<String> capabilities = new TreeSet<>();
        devices.values().forEach(d -> capabilities.addAll(d.device().capabilities()));
        return capabilities;
    }
}
