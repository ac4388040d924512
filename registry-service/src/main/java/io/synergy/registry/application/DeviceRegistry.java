package io.synergy.registry.application;

import io.synergy.contracts.device.DeviceAnnounced;
import io.synergy.contracts.device.DeviceEvent;
import io.synergy.contracts.device.DeviceHeartbeat;
import io.synergy.contracts.device.DeviceLeft;
import io.synergy.contracts.device.DeviceSegmentsLoaded;

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
 * Missed heartbeats are the gateway's to turn into a departure, not this registry's.
 */
public final class DeviceRegistry implements StateFold<DeviceEvent> {

    private final Map<String, LiveDevice> devices = new ConcurrentHashMap<>();

    @Override
    public void apply(DeviceEvent event, Instant time) {
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
        }
    }

    @Override
    public void forget(String key) {
        devices.remove(key);
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
