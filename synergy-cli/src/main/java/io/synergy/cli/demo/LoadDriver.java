package io.synergy.cli.demo;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load through the HTTP API: per app, {@code concurrency} clients each keep one request
 * in flight, on real inputs (seeded samples of the app's model). A rejected request (429) backs off
 * briefly and is counted; nothing is retried behind the figures' back.
 */
public final class LoadDriver implements AutoCloseable {

    private static final int SAMPLE_INPUTS = 8;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final long BACKOFF_MILLIS = 100;

    private final StackClient client;
    private final Map<String, AppStats> stats = new LinkedHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong requestIds = new AtomicLong();
    private final ExecutorService clients;
    private final List<Runnable> loops = new ArrayList<>();

    public LoadDriver(StackClient client, List<DemoApp> apps, int concurrency) {
        this.client = client;
        this.clients = Executors.newFixedThreadPool(apps.size() * concurrency, runnable -> {
            Thread thread = new Thread(runnable, "demo-client");
            thread.setDaemon(true);
            return thread;
        });
        for (DemoApp app : apps) {
            AppStats appStats = new AppStats();
            stats.put(app.id(), appStats);
            List<Int8Tensor> inputs = new ArrayList<>();
            for (int seed = 0; seed < SAMPLE_INPUTS; seed++) {
                inputs.add(Zoo.randomInput(app.model(), seed));
            }
            for (int c = 0; c < concurrency; c++) {
                loops.add(() -> drive(app, inputs, appStats));
            }
        }
    }

    public Map<String, AppStats> stats() {
        return stats;
    }

    public void start() {
        loops.forEach(clients::execute);
    }

    private void drive(DemoApp app, List<Int8Tensor> inputs, AppStats appStats) {
        int next = 0;
        while (running.get()) {
            Int8Tensor input = inputs.get(next++ % inputs.size());
            long id = requestIds.incrementAndGet();
            long start = System.nanoTime();
            int status = client.infer(app.id(), "demo-" + id, input.shape().toArray(), TensorCodec.encode(input),
                    REQUEST_TIMEOUT);
            if (status == 200) {
                appStats.completed(System.nanoTime() - start);
            } else if (status == 429) {
                appStats.rejected();
                pause(BACKOFF_MILLIS);
            } else {
                appStats.failed();
                pause(BACKOFF_MILLIS);
            }
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    @Override
    public void close() {
        running.set(false);
        clients.shutdownNow();
        try {
            clients.awaitTermination(REQUEST_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
