package io.synergy.planner.messaging;

import io.synergy.planner.application.InputCatchUp;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Lets planning begin once the inputs on the topics at start are folded, or after the start timeout
 * with whatever was read by then (a planner that never plans is worse than one that plans a partial
 * fleet and re-plans when the rest arrives).
 */
public final class PlannerStartup implements SmartLifecycle {

    private final InputCatchUp catchUp;
    private final Duration startTimeout;
    private ScheduledExecutorService timer;
    private volatile boolean running;

    public PlannerStartup(InputCatchUp catchUp, Duration startTimeout) {
        this.catchUp = catchUp;
        this.startTimeout = startTimeout;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "planner-start-timeout");
            t.setDaemon(true);
            return t;
        });
        timer.schedule(catchUp::giveUp, startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        catchUp.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
