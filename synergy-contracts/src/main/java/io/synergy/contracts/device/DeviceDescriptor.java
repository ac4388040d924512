package io.synergy.contracts.device;

import io.synergy.contracts.Identifier;

import java.util.List;

/**
 * A device as its gateway describes it. Every event about a live device carries the whole
 * descriptor, so the last record per key on the compacted topic is enough to rebuild the fleet.
 *
 * @param deviceId     unique in the fleet
 * @param gatewayId    the gateway that owns it (its activations arrive on that gateway's topic)
 * @param accelerator  the accelerator part, e.g. "MAX78000" or "MAX78002"
 * @param capabilities sensors and outputs in lower case, e.g. ["camera", "display"]; may be empty
 * @param link         how its data leaves the device
 */
public record DeviceDescriptor(String deviceId, String gatewayId, String accelerator, List<String> capabilities,
                               LinkDescriptor link) {

    public DeviceDescriptor {
        Identifier.require("deviceId", deviceId);
        Identifier.require("gatewayId", gatewayId);
        Identifier.require("accelerator", accelerator);
        Identifier.requirePresent("capabilities", capabilities);
        capabilities.forEach(capability -> Identifier.require("capabilities", capability));
        capabilities = List.copyOf(capabilities);
        Identifier.requirePresent("link", link);
    }
}
