package io.synergy.gateway.application;

import io.synergy.core.accelerator.AcceleratorSpec;

import java.util.List;
import java.util.Objects;

/**
 * One emulated device as configured.
 *
 * @param linkPreset     the preset the link figures come from, or null when they were given directly
 * @param batteryPercent charge in percent, 100 on mains power
 */
public record DeviceSetup(String deviceId, AcceleratorSpec spec, List<String> capabilities, String linkPreset,
                          LinkModel link, double batteryPercent) {

    public DeviceSetup {
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("deviceId: required, got " + deviceId);
        }
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(link, "link");
        capabilities = List.copyOf(capabilities);
        if (!(batteryPercent >= 0 && batteryPercent <= 100)) {
            throw new IllegalArgumentException("batteryPercent: must be in 0..100, got " + batteryPercent);
        }
    }
}
