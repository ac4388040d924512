package io.synergy.gateway.web;

import io.synergy.gateway.application.DeviceState;
import io.synergy.gateway.application.StageScheduler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The gateway's devices as they are now: queue depth, busy, loaded epoch and segments, counters. */
@RestController
@RequestMapping("/api/gateway")
public class DeviceController {

    private final StageScheduler scheduler;

    public DeviceController(StageScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @GetMapping("/devices")
    public List<DeviceState> devices() {
        return scheduler.states();
    }
}
