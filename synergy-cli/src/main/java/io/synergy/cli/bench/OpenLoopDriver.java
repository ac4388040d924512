package io.synergy.cli.bench;

import io.synergy.cli.demo.AppStats;
import io.synergy.cli.demo.DemoApp;
import io.synergy.cli.demo.StackClient;
import io.synergy.core.tensor.Int8Tensor;
import io.synergy.core.tensor.TensorCodec;
import io.synergy.core.zoo.Zoo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop load through the HTTP API: requests arrive per app at a fixed rate whatever the stack
 * answers, each sent on its own client thread, with at most {@code maxOutstanding} per app awaiting an
 * answer. An arrival that finds all of them busy is dropped and counted (the bound keeps the client's
 * queue finite; a growing drop count says the rate exceeds what the stack sustains).
 */
public final class OpenLoopDriver implements AutoCloseable {

    private static final int SAMPLE_INPUTS = 8;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final StackClient client;
    private final Map<String, AppStats> stats = new LinkedHashMap<>();
    private final Map<String, AtomicLong> dropped = new LinkedHashMap<>();
    private final List<App> apps = new ArrayList<>();
    private final ScheduledExecutorService arrivals;
    private final ExecutorService senders;
    private final AtomicLong requestIds = new AtomicLong();

    private record App(DemoApp app, double ratePerSecond, List<Int8Tensor> inputs, Semaphore outstanding, AppStats stats, AtomicLong dropped,
                       AtomicLong next) {
    }

    /**
     * @param ratePerSecond  app id -> arrivals per host second, each finite and > 0
     * @param maxOutstanding requests per app awaiting an answer at most, >= 1
     */
    public OpenLoopDriver(StackClient client, List<DemoApp> demoApps, Map<String, Double> ratePerSecond,
                          int maxOutstanding) {
        if (maxOutstanding < 1) {
            throw new IllegalArgumentException("--max-outstanding: must be >= 1, got " + maxOutstanding);
        }
        this.client = client;
        for (DemoApp app : demoApps) {
            List<Int8Tensor> inputs = new ArrayList<>();
            for (int seed = 0; seed < SAMPLE_INPUTS; seed++) {
                inputs.add(Zoo.randomInput(app.model(), seed));
            }
            double rate = ratePerSecond.getOrDefault(app.id(), Double.NaN);
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("rate of app " + app.id() + ": must be finite and > 0, got " + rate);
            }
            App entry = new App(app, rate, inputs, new Semaphore(maxOutstanding), new AppStats(), new AtomicLong(),
                    new AtomicLong());
            apps.add(entry);
            stats.put(app.id(), entry.stats());
            dropped.put(app.id(), entry.dropped());
        }
        this.arrivals = Executors.newScheduledThreadPool(demoApps.size(), daemon("bench-arrivals"));
        this.senders = Executors.newFixedThreadPool(demoApps.size() * maxOutstanding, daemon("bench-open-client"));
    }

    public Map<String, AppStats> stats() {
        return stats;
    }

    /** Arrivals dropped per app because {@code maxOutstanding} requests were already awaiting answers. */
    public Map<String, Long> droppedCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        dropped.forEach((id, count) -> counts.put(id, count.get()));
        return counts;
    }

    public void start() {
        for (App app : apps) {
            long periodNanos = Math.max(1, Math.round(1e9 / app.ratePerSecond()));
            arrivals.scheduleAtFixedRate(() -> arrive(app), 0, periodNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void arrive(App app) {
        if (!app.outstanding().tryAcquire()) {
            app.dropped().incrementAndGet();
            return;
        }
        senders.execute(() -> {
            try {
                Int8Tensor input = app.inputs().get((int) (app.next().getAndIncrement() % app.inputs().size()));
                long start = System.nanoTime();
                int status = client.infer(app.app().id(), "bench-open-" + requestIds.incrementAndGet(),
                        input.shape().toArray(), TensorCodec.encode(input), REQUEST_TIMEOUT);
                if (status == 200) {
                    app.stats().completed(System.nanoTime() - start);
                } else if (status == 429) {
                    app.stats().rejected();
                } else {
                    app.stats().failed();
                }
            } finally {
                app.outstanding().release();
            }
        });
    }

    @Override
    public void close() {
        arrivals.shutdownNow();
        senders.shutdownNow();
        try {
            senders.awaitTermination(REQUEST_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
