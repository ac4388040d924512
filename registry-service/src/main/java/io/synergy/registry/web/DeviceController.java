package io.synergy.registry.web;

import io.synergy.registry.application.DeviceRegistry;
import io.synergy.registry.application.LiveDevice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code /api/devices}: the live fleet as folded from {@code synergy.devices}. */
@RestController
@RequestMapping("/api/devices")
public class DeviceController {

    private final DeviceRegistry devices;

    public DeviceController(DeviceRegistry devices) {
        this.devices = devices;
    }

    @GetMapping
    public List<LiveDevice> all() {
        return devices.all();
    }
}
