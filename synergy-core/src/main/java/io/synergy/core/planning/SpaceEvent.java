package io.synergy.core.planning;

import io.synergy.core.topology.Device;
import java.util.Objects;

/** A change to the virtual computing space: a device joined, left, or changed (battery, link). */
public sealed interface SpaceEvent permits SpaceEvent.DeviceJoined, SpaceEvent.DeviceLeft, SpaceEvent.DeviceChanged {

    /** The device the event is about. */
    String deviceId();

    record DeviceJoined(Device device) implements SpaceEvent {
        public DeviceJoined {
            Objects.requireNonNull(device, "device");
        }

        @Override
        public String deviceId() {
            return device.id();
        }
    }

    record DeviceLeft(String deviceId) implements SpaceEvent {
        public DeviceLeft {
            Objects.requireNonNull(deviceId, "deviceId");
        }
    }

    /** The device's new description; its id and type stay the same. */
    record DeviceChanged(Device device) implements SpaceEvent {
        public DeviceChanged {
            Objects.requireNonNull(device, "device");
        }

        @Override
        public String deviceId() {
            return device.id();
        }
    }
}
