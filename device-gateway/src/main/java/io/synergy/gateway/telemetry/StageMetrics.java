package io.synergy.gateway.telemetry;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.synergy.gateway.application.SegmentKey;
import io.synergy.gateway.application.StageObserver;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Service time per stage and device ({@code synergy.stage.service.time}, tagged device, app and
 * layers) and each device's busy time ({@code synergy.device.busy}, seconds; its rate over a window is
 * the device's utilisation, 0..1).
 */
public final class StageMetrics implements StageObserver {

    static final String SERVICE_TIME = "synergy.stage.service.time";
    static final String BUSY = "synergy.device.busy";

    private final MeterRegistry meters;
    private final Map<String, DoubleAdder> busySeconds = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public StageMetrics(MeterRegistry meters, Collection<String> deviceIds) {
        this.meters = meters;
        for (String deviceId : deviceIds) {
            DoubleAdder busy = new DoubleAdder();
            busySeconds.put(deviceId, busy);
            FunctionCounter.builder(BUSY, busy, DoubleAdder::sum).baseUnit("seconds").tag("device", deviceId)
                    .description("host seconds the device spent serving stages; rate() is its utilisation")
                    .register(meters);
        }
    }

    @Override
    public void stageServed(String deviceId, SegmentKey segment, long serviceNanos) {
        timers.computeIfAbsent(deviceId + "|" + segment.text(), key -> Timer.builder(SERVICE_TIME)
                        .description("host time a device spent on one stage: modelled compute + I/O (+ weight reload)")
                        .tag("device", deviceId).tag("app", segment.appId())
                        .tag("layers", segment.fromLayer() + "-" + segment.toLayer())
                        .register(meters))
                .record(serviceNanos, TimeUnit.NANOSECONDS);
        DoubleAdder busy = busySeconds.get(deviceId);
        if (busy != null) {
            busy.add(serviceNanos / 1e9);
        }
    }
}
