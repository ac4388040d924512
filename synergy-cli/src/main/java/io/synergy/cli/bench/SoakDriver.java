package io.synergy.cli.bench;

import io.synergy.cli.demo.DemoApp;
import io.synergy.cli.demo.StackClient;
import io.synergy.core.tensor.Int8Tensor;
import io.synergy.core.tensor.TensorCodec;
import io.synergy.core.zoo.Zoo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak's steady load: open loop through the HTTP API, requests arriving per app at a fixed rate,
 * each on its own client thread, at most {@code maxOutstanding} per app awaiting an answer (an
 * arrival beyond that is dropped and counted). Every request ends in exactly one outcome:
 * completed (200), rejected at admission (429 or 503: not accepted), or lost (accepted but no
 * result: 504, 502, another status, or no answer). The latencies of completions are collected per
 * interval (bounded) for the time series, and each completion is handed to a listener (the recovery
 * measurement). Only requests sent after {@link #measure()} are counted: a warm-up request that is
 * answered during the measurement counts neither as sent nor as an outcome.
 */
public final class SoakDriver implements AutoCloseable {

    /** The outcome of requests still unanswered, in {@link Totals#lostByOutcome()}. */
    public static final String UNANSWERED = "unanswered";
    /** Latencies kept per interval at most; beyond it an interval's percentiles use the first ones. */
    static final int INTERVAL_LATENCIES = 100_000;
    private static final int SAMPLE_INPUTS = 8;

    /** Told of every completion: the app, when the request was sent and when it completed (nanoTime). */
    public interface CompletionListener {
        void completed(String appId, long sentNanos, long completedNanos);
    }

    /** The counts of a whole run. {@code lostByOutcome}: HTTP status (or "no-answer") -> count. */
    public record Totals(long sent, long accepted, long completed, long rejected, long dropped, long lost,
                         Map<String, Long> lostByOutcome) {
    }

    /** What one interval saw: completions and their latencies in host nanoseconds. */
    public record Interval(long completed, long[] latencyNanos) {
    }

    private final StackClient client;
    private final Duration requestTimeout;
    private final CompletionListener listener;
    private final List<App> apps = new ArrayList<>();
    private final ScheduledExecutorService arrivals;
    private final ExecutorService senders;
    private final AtomicLong requestIds = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean measuring;
    private final Object lock = new Object();
    private long completed;
    private long rejected;
    private final Map<String, Long> lost = new TreeMap<>();
    private long intervalCompleted;
    private long[] intervalLatencies = new long[1024];
    private int intervalSize;

    private record App(DemoApp app, double ratePerSecond, List<Int8Tensor> inputs, Semaphore outstanding,
                       AtomicLong next) {
    }

    /**
     * @param ratePerSecond  arrivals per app per host second, finite and > 0
     * @param maxOutstanding requests per app awaiting an answer at most, >= 1
     */
    public SoakDriver(StackClient client, List<DemoApp> demoApps, double ratePerSecond, int maxOutstanding,
                      Duration requestTimeout, CompletionListener listener) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("--rate: must be finite and > 0, got " + ratePerSecond);
        }
        if (maxOutstanding < 1) {
            throw new IllegalArgumentException("--max-outstanding: must be >= 1, got " + maxOutstanding);
        }
        this.client = client;
        this.requestTimeout = requestTimeout;
        this.listener = listener;
        for (DemoApp app : demoApps) {
            List<Int8Tensor> inputs = new ArrayList<>();
            for (int seed = 0; seed < SAMPLE_INPUTS; seed++) {
                inputs.add(Zoo.randomInput(app.model(), seed));
            }
            apps.add(new App(app, ratePerSecond, inputs, new Semaphore(maxOutstanding), new AtomicLong()));
        }
        this.arrivals = Executors.newScheduledThreadPool(1, daemon("soak-arrivals"));
        this.senders = Executors.newFixedThreadPool(demoApps.size() * maxOutstanding, daemon("soak-client"));
    }

    public void start() {
        for (App app : apps) {
            long periodNanos = Math.max(1, Math.round(1e9 / app.ratePerSecond()));
            arrivals.scheduleAtFixedRate(() -> arrive(app), 0, periodNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** From now on, requests sent (and arrivals dropped) are counted. */
    public void measure() {
        synchronized (lock) {
            measuring = true;
            intervalCompleted = 0;
            intervalSize = 0;
        }
    }

    /** Stops new arrivals; requests already sent run on to their answer (see {@link #drain}). */
    public void stopArrivals() {
        arrivals.shutdownNow();
    }

    /** Requests sent and not yet answered. */
    public long outstanding() {
        synchronized (lock) {
            long answered = completed + rejected + lost.values().stream().mapToLong(Long::longValue).sum();
            return sent.get() - answered;
        }
    }

    /**
     * Waits until every sent request has its answer, at most {@code timeout}; returns how many are
     * still unanswered (they count as lost in {@link #totals()}).
     */
    public long drain(Duration timeout) throws InterruptedException {
        senders.shutdown();
        senders.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return outstanding();
    }

    /** The interval since the last call: completions and their latencies. */
    public Interval takeInterval() {
        synchronized (lock) {
            Interval interval = new Interval(intervalCompleted, java.util.Arrays.copyOf(intervalLatencies, intervalSize));
            intervalCompleted = 0;
            intervalSize = 0;
            return interval;
        }
    }

    /** Counts so far; requests still unanswered count as lost under "unanswered". */
    public Totals totals() {
        synchronized (lock) {
            Map<String, Long> byOutcome = new TreeMap<>(lost);
            long unanswered = outstanding();
            if (unanswered > 0) {
                byOutcome.merge(UNANSWERED, unanswered, Long::sum);
            }
            long lostCount = byOutcome.values().stream().mapToLong(Long::longValue).sum();
            long total = sent.get();
            return new Totals(total, total - rejected, completed, rejected, dropped.get(), lostCount, byOutcome);
        }
    }

    private void arrive(App app) {
        boolean counted = measuring;
        if (!app.outstanding().tryAcquire()) {
            if (counted) {
                dropped.incrementAndGet();
            }
            return;
        }
        if (counted) {
            sent.incrementAndGet();
        }
        try {
            senders.execute(() -> send(app, counted));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            if (counted) {
                sent.decrementAndGet();
            }
            app.outstanding().release();
        }
    }

    private void send(App app, boolean counted) {
        try {
            Int8Tensor input = app.inputs().get((int) (app.next().getAndIncrement() % app.inputs().size()));
            long start = System.nanoTime();
            int status = client.infer(app.app().id(), "soak-" + requestIds.incrementAndGet(), input.shape().toArray(),
                    TensorCodec.encode(input), requestTimeout);
            long end = System.nanoTime();
            if (counted) {
                record(status, end - start);
            }
            if (status == 200) {
                listener.completed(app.app().id(), start, end);
            }
        } finally {
            app.outstanding().release();
        }
    }

    private void record(int status, long nanos) {
        synchronized (lock) {
            if (status == 200) {
                completed++;
                intervalCompleted++;
                if (intervalSize < INTERVAL_LATENCIES) {
                    if (intervalSize == intervalLatencies.length) {
                        intervalLatencies = java.util.Arrays.copyOf(intervalLatencies, intervalSize * 2);
                    }
                    intervalLatencies[intervalSize++] = nanos;
                }
            } else if (status == 429 || status == 503) {
                rejected++;
            } else {
                lost.merge(status == 0 ? "no-answer" : Integer.toString(status), 1L, Long::sum);
            }
        }
    }

    @Override
    public void close() {
        arrivals.shutdownNow();
        senders.shutdownNow();
        try {
            senders.awaitTermination(requestTimeout.toSeconds() + 10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
