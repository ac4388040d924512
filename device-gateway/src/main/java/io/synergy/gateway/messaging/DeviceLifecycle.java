package io.synergy.gateway.messaging;

import io.synergy.gateway.application.DeviceSetup;
import io.synergy.gateway.application.StageScheduler;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Announces the devices once everything else has started, heartbeats them, and on an orderly
 * shutdown says they left (and tombstones them) before the bindings and producers stop: the
 * highest phase starts last and stops first.
 */
public final class DeviceLifecycle implements SmartLifecycle {

    private static final Logger LOG = Logger.getLogger(DeviceLifecycle.class.getName());

    private final StageScheduler scheduler;
    private final DevicePublisher publisher;
    private final ScheduledExecutorService executor;
    private final Duration heartbeatInterval;
    private volatile ScheduledFuture<?> heartbeats;
    private volatile boolean running;

    public DeviceLifecycle(StageScheduler scheduler, DevicePublisher publisher, ScheduledExecutorService executor,
                           Duration heartbeatInterval) {
        this.scheduler = scheduler;
        this.publisher = publisher;
        this.executor = executor;
        this.heartbeatInterval = heartbeatInterval;
    }

    @Override
    public void start() {
        scheduler.setups().stream().filter(setup -> scheduler.present(setup.deviceId())).forEach(publisher::announced);
        long periodMillis = heartbeatInterval.toMillis();
        heartbeats = executor.scheduleAtFixedRate(this::heartbeat, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        running = true;
    }

    private void heartbeat() {
        try {
            for (DeviceSetup setup : scheduler.setups()) {
                if (!scheduler.present(setup.deviceId())) {
                    continue; // a device that left or failed is silent; the fleet expires a failed one
                }
                publisher.heartbeat(setup, scheduler.loadedEpoch(setup.deviceId()));
            }
        } catch (RuntimeException e) {
            // a failed round must not cancel the schedule; the next one tries again
            LOG.warning("heartbeat failed: " + e.getMessage());
        }
    }

    @Override
    public void stop() {
        running = false;
        ScheduledFuture<?> scheduled = heartbeats;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        for (DeviceSetup setup : scheduler.setups()) {
            if (!scheduler.present(setup.deviceId())) {
                continue;
            }
            publisher.left(setup, "gateway stopping");
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
