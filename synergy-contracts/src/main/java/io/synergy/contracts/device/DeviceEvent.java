package io.synergy.contracts.device;

import io.synergy.contracts.envelope.Event;
import io.synergy.contracts.topic.Topic;

/** The events of {@code synergy.devices}. Key: device id. A null value (tombstone) follows {@link DeviceLeft}. */
public sealed interface DeviceEvent extends Event
        permits DeviceAnnounced, DeviceHeartbeat, DeviceSegmentsLoaded, DeviceLeft {

    Topic TOPIC = Topic.DEVICES;

    String deviceId();

    @Override
    default String key() {
        return deviceId();
    }

    /** Battery charge in percent; 100 for a device on mains power. */
    static double requireBatteryPercent(double batteryPercent) {
        if (!(batteryPercent >= 0 && batteryPercent <= 100)) {
            throw new IllegalArgumentException("batteryPercent: must be in 0..100, got " + batteryPercent);
        }
        return batteryPercent;
    }
}
