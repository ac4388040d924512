package io.synergy.cli;

import io.synergy.cli.bench.ChurnPlan;
import io.synergy.cli.bench.LatencySummary;
import io.synergy.cli.bench.RecoveryTracker;
import io.synergy.cli.bench.SoakDriver;
import io.synergy.cli.bench.SoakPlot;
import io.synergy.cli.bench.SoakReport;
import io.synergy.cli.bench.SoakReport.DeviceEvent;
import io.synergy.cli.bench.SoakReport.Sample;
import io.synergy.cli.bench.Trend;
import io.synergy.cli.demo.DemoApp;
import io.synergy.cli.demo.DemoException;
import io.synergy.cli.demo.StackClient;
import io.synergy.cli.stack.ApiKeys;
import io.synergy.cli.stack.StackComponent;
import io.synergy.cli.stack.StackLauncher;
import io.synergy.cli.stack.StackSettings;
import io.synergy.core.zoo.Zoo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * {@code synergy bench soak}: the demo's three apps on the wearable fleet of a running stack (started
 * here if none runs) under a steady open-loop load for {@code --minutes}, while devices the plan uses
 * leave or fail silently in turn and rejoin; samples throughput, latency and every service's heap
 * and live threads over time, and reports lost and duplicate results and how fast each loss was
 * recovered from. Writes {@code bench-soak.json} and {@code bench-soak.png}.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Hold a steady load with device churn for --minutes; report losses, recovery, heap and threads.")
final class BenchSoakCommand implements Runnable {

    /** What a sample asks each service's actuator. */
    private static final String HEAP = "jvm.memory.used";
    private static final String HEAP_TAG = "area:heap";
    private static final String LIVE_HEAP = "jvm.gc.live.data.size";
    private static final String THREADS = "jvm.threads.live";
    private static final double MB = 1024.0 * 1024.0;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private StackOptions stack;

    @Option(names = "--minutes", defaultValue = "10", paramLabel = "N",
            description = "Host minutes of measured load (default 10; fractions allowed).")
    private double minutes;

    @Option(names = "--warmup-seconds", defaultValue = "20", paramLabel = "N",
            description = "Host seconds of load before the measured run, not counted (default 20).")
    private int warmupSeconds;

    @Option(names = "--rate", defaultValue = "1.0", paramLabel = "PER_SECOND",
            description = "Arrivals per app per host second (default 1.0).")
    private double rate;

    @Option(names = "--max-outstanding", defaultValue = "16",
            description = "Requests per app awaiting an answer at most; later arrivals are dropped (default 16).")
    private int maxOutstanding;

    @Option(names = "--time-scale", defaultValue = "10",
            description = "Host time per unit of fleet time (default 10).")
    private double timeScale;

    @Option(names = "--churn-every", defaultValue = "60", paramLabel = "SECONDS",
            description = "Take a device the plan uses out every SECONDS, leave and silent failure in turn (default 60; 0: no churn).")
    private int churnEverySeconds;

    @Option(names = "--rejoin-after", defaultValue = "20", paramLabel = "SECONDS",
            description = "A device taken out rejoins after SECONDS (default 20).")
    private int rejoinAfterSeconds;

    @Option(names = "--sample-every", defaultValue = "10", paramLabel = "SECONDS",
            description = "Seconds per sample of throughput, latency, heap and threads (default 10).")
    private int sampleEverySeconds;

    @Option(names = "--request-timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "Each request's deadline (OIP timeout_ms), seconds (default 60).")
    private int requestTimeoutSeconds;

    @Option(names = "--drain-seconds", defaultValue = "90", paramLabel = "SECONDS",
            description = "After the run, wait at most SECONDS for the answers still due (default 90).")
    private int drainSeconds;

    @Option(names = "--json", description = "Print the report as one JSON object (progress goes to stderr).")
    private boolean json;

    @Option(names = "--out", defaultValue = "out/bench-soak", paramLabel = "DIR",
            description = "Where bench-soak.json and bench-soak.png go (default out/bench-soak).")
    private Path outDir;

    private PrintWriter progress;
    private StackClient client;
    private long startNanos;
    /** Written by the churn (main) thread, read by the sampling thread. */
    private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();
    private final Set<String> out = new ConcurrentSkipListSet<>();

    @Override
    public void run() {
        validate();
        PrintWriter stdout = spec.commandLine().getOut();
        progress = json ? spec.commandLine().getErr() : stdout;
        String startedAt = Instant.now().toString();
        StackLauncher launcher = stack.launcher();
        StackSettings settings = StackSession.runningStack(launcher, progress);
        client = new StackClient(settings.url(StackComponent.API), ApiKeys.read(launcher.home()));
        List<DemoApp> apps = DemoApp.wearables();
        say("starting the wearable fleet at time scale " + timeScale);
        settings = StackSession.startWearableFleet(launcher, settings, timeScale, List.of());
        say("registering the zoo models and deploying " + apps.size() + " apps");
        Zoo.names().forEach(client::registerZooModel);
        apps.forEach(client::deployApp);
        StackSession.awaitLoaded(client, apps, settings.url(StackComponent.GATEWAY), this::say);
        JsonNode plansAtStart = client.plans();

        Map<String, String> services = new LinkedHashMap<>();
        for (StackComponent service : StackComponent.services()) {
            services.put(service.shortName(), settings.url(service));
        }
        String executorUrl = settings.url(StackComponent.EXECUTOR);
        RecoveryTracker recovery = new RecoveryTracker();
        ChurnPlan churn = new ChurnPlan();
        List<Sample> samples = new CopyOnWriteArrayList<>();
        List<long[]> latencies = new CopyOnWriteArrayList<>();
        SoakDriver.Totals totals;
        double measuredSeconds;
        double[] executorBefore;
        try (SoakDriver load = new SoakDriver(client, apps, rate, maxOutstanding,
                Duration.ofSeconds(requestTimeoutSeconds), recovery::completed)) {
            load.start();
            say("warm-up: " + warmupSeconds + " s at " + rate + " requests/s per app");
            StackSession.pause(Duration.ofSeconds(warmupSeconds));
            load.measure();
            executorBefore = executorCounters(executorUrl);
            startNanos = System.nanoTime();
            long endNanos = startNanos + Math.round(minutes * 60e9);
            samples.add(sample(services, new SoakDriver.Interval(0, new long[0]), startNanos, 0, latencies));
            say(String.format(Locale.ROOT, "soak: %.1f min measured, a device out every %d s for %d s, samples every %d s",
                    minutes, churnEverySeconds, rejoinAfterSeconds, sampleEverySeconds));
            // sampling asks ten actuator endpoints, which a loaded host can take seconds to answer:
            // on its own thread, so the churn keeps its schedule
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "soak-sampler");
                thread.setDaemon(true);
                return thread;
            });
            long[] lastSample = {startNanos};
            sampler.scheduleAtFixedRate(() -> {
                long now = System.nanoTime();
                try {
                    Sample sample = sample(services, load.takeInterval(), now, (now - lastSample[0]) / 1e9, latencies);
                    lastSample[0] = now;
                    samples.add(sample);
                    progress(sample, load.totals());
                } catch (RuntimeException e) {
                    say("  sample failed: " + e.getMessage());
                }
            }, sampleEverySeconds, sampleEverySeconds, TimeUnit.SECONDS);
            long nextChurn = churnEverySeconds == 0 ? Long.MAX_VALUE : startNanos + churnEverySeconds * 1_000_000_000L;
            Map<String, Long> rejoinAt = new TreeMap<>();
            while (System.nanoTime() < endNanos) {
                long wake = Math.min(nextChurn, endNanos);
                for (long due : rejoinAt.values()) {
                    wake = Math.min(wake, due);
                }
                StackSession.pause(Duration.ofMillis(Math.max(1, Math.min(1000, (wake - System.nanoTime()) / 1_000_000))));
                long now = System.nanoTime();
                for (var due : new ArrayList<>(rejoinAt.entrySet())) {
                    if (now >= due.getValue()) {
                        rejoinAt.remove(due.getKey());
                        inject(due.getKey(), "join", List.of());
                        out.remove(due.getKey());
                    }
                }
                if (now >= nextChurn && now < endNanos) {
                    nextChurn += churnEverySeconds * 1_000_000_000L;
                    Map<String, Set<String>> appsByDevice;
                    try {
                        appsByDevice = ChurnPlan.appsByDevice(client.plans());
                    } catch (DemoException e) {
                        say("  no device taken out this turn: the plan set did not read: " + e.getMessage());
                        continue;
                    }
                    churn.next(appsByDevice.keySet(), out).ifPresent(injection -> {
                        List<String> affected = List.copyOf(appsByDevice.get(injection.deviceId()));
                        int event = events.size();
                        long lossAt = System.nanoTime();
                        if (inject(injection.deviceId(), injection.kind().transition(), affected)) {
                            recovery.lost(event, Set.copyOf(affected), lossAt);
                            out.add(injection.deviceId());
                            rejoinAt.put(injection.deviceId(), System.nanoTime() + rejoinAfterSeconds * 1_000_000_000L);
                        }
                    });
                }
            }
            load.stopArrivals();
            sampler.shutdown();
            try {
                sampler.awaitTermination(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoException("interrupted");
            }
            measuredSeconds = (System.nanoTime() - startNanos) / 1e9;
            for (String device : new ArrayList<>(rejoinAt.keySet())) {
                inject(device, "join", List.of());
                out.remove(device);
            }
            say("draining: waiting at most " + drainSeconds + " s for " + load.outstanding() + " answers still due");
            try {
                load.drain(Duration.ofSeconds(drainSeconds));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoException("interrupted");
            }
            long now = System.nanoTime();
            samples.add(sample(services, load.takeInterval(), now, (now - lastSample[0]) / 1e9, latencies));
            totals = load.totals();
        }
        double[] executorAfter = executorCounters(executorUrl);
        JsonNode plansAtEnd = client.plans();
        RecoveryTracker.RecoverySummary recovered = recovery.summary();
        long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        SoakReport report = new SoakReport(startedAt, Runtime.getRuntime().availableProcessors(), timeScale, minutes,
                rate, maxOutstanding, churnEverySeconds, rejoinAfterSeconds, plansAtStart.path("epoch").asLong(),
                plansAtEnd == null ? -1 : plansAtEnd.path("epoch").asLong(), plansAtStart.path("planner").asString(),
                totals.sent(), totals.accepted(), totals.completed(), totals.rejected(), totals.dropped(), totals.lost(),
                totals.lostByOutcome(), delta(executorAfter, executorBefore, 0), delta(executorAfter, executorBefore, 1),
                delta(executorAfter, executorBefore, 2), countedEvents(), events.size() - countedEvents(), events,
                recovered, recovery.recoveries(), totals.completed() / measuredSeconds, LatencySummary.of(all),
                Trend.of(samples.stream().map(Sample::heapMbTotal).toList()),
                Trend.of(samples.stream().map(Sample::liveHeapMbTotal).toList()),
                Trend.of(samples.stream().map(Sample::threadsTotal).toList()), SoakReport.serviceTrends(samples),
                samples);
        write(report, stdout);
    }

    private void validate() {
        if (!(minutes > 0) || minutes > 24 * 60) {
            throw new IllegalArgumentException("--minutes: must be > 0 and <= 1440, got " + minutes);
        }
        if (warmupSeconds < 0) {
            throw new IllegalArgumentException("--warmup-seconds: must be >= 0, got " + warmupSeconds);
        }
        if (!(rate > 0) || rate > 1000) {
            throw new IllegalArgumentException("--rate: must be > 0 and <= 1000 per second, got " + rate);
        }
        if (maxOutstanding < 1 || maxOutstanding > 256) {
            throw new IllegalArgumentException("--max-outstanding: must be 1..256, got " + maxOutstanding);
        }
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("--time-scale: must be > 0, got " + timeScale);
        }
        if (churnEverySeconds < 0) {
            throw new IllegalArgumentException("--churn-every: must be >= 0 (0: no churn), got " + churnEverySeconds);
        }
        if (rejoinAfterSeconds < 1) {
            throw new IllegalArgumentException("--rejoin-after: must be >= 1, got " + rejoinAfterSeconds);
        }
        if (sampleEverySeconds < 1) {
            throw new IllegalArgumentException("--sample-every: must be >= 1, got " + sampleEverySeconds);
        }
        if (requestTimeoutSeconds < 1 || requestTimeoutSeconds > 600) {
            throw new IllegalArgumentException("--request-timeout: must be 1..600 seconds, got " + requestTimeoutSeconds);
        }
        if (drainSeconds < 0) {
            throw new IllegalArgumentException("--drain-seconds: must be >= 0, got " + drainSeconds);
        }
    }

    /** Asks the device-gateway for a fault transition; records the event; false when it refused. */
    private boolean inject(String deviceId, String kind, List<String> affected) {
        double at = (System.nanoTime() - startNanos) / 1e9;
        try {
            client.deviceFault(deviceId, kind);
            events.add(new DeviceEvent(at, deviceId, kind, affected, null));
            say(String.format(Locale.ROOT, "  %.0f s: %s %s%s", at, deviceId, kind,
                    affected.isEmpty() ? "" : " (plan of " + String.join(", ", affected) + ")"));
            return true;
        } catch (DemoException e) {
            events.add(new DeviceEvent(at, deviceId, kind, affected, e.getMessage()));
            say(String.format(Locale.ROOT, "  %.0f s: %s %s refused: %s", at, deviceId, kind, e.getMessage()));
            return false;
        }
    }

    private int countedEvents() {
        return (int) events.stream().filter(e -> e.error() == null).count();
    }

    private void progress(Sample sample, SoakDriver.Totals sofar) {
        long inFlight = sofar.lostByOutcome().getOrDefault(SoakDriver.UNANSWERED, 0L);
        say(String.format(Locale.ROOT, "  soak %4.0f/%.0f s: %.2f inf/s, p50 %.0f ms, p99 %.0f ms, heap %.0f MB (live %.0f), "
                        + "%.0f threads, %d device events, %d lost so far, %d in flight, devices out: %s",
                sample.atSeconds(), minutes * 60, sample.hostInferencesPerSecond(), sample.p50Millis(),
                sample.p99Millis(), sample.heapMbTotal(), sample.liveHeapMbTotal(), sample.threadsTotal(), countedEvents(),
                sofar.lost() - inFlight, inFlight, sample.devicesOut().isEmpty() ? "none"
                        : String.join(",", sample.devicesOut())));
    }

    /** One sample: the interval's completions and every service's heap and threads, at {@code atNanos}. */
    private Sample sample(Map<String, String> services, SoakDriver.Interval interval, long atNanos, double seconds,
                          List<long[]> latencies) {
        latencies.add(interval.latencyNanos());
        Map<String, Double> heap = new LinkedHashMap<>();
        Map<String, Double> liveHeap = new LinkedHashMap<>();
        Map<String, Double> threads = new LinkedHashMap<>();
        services.forEach((name, url) -> {
            heap.put(name, client.metric(url, HEAP, HEAP_TAG) / MB);
            liveHeap.put(name, client.metric(url, LIVE_HEAP, null) / MB);
            threads.put(name, client.metric(url, THREADS, null));
        });
        LatencySummary latency = LatencySummary.of(interval.latencyNanos());
        return new Sample((atNanos - startNanos) / 1e9, interval.completed(),
                seconds > 0 ? interval.completed() / seconds : Double.NaN, latency.p50Millis(), latency.p95Millis(),
                latency.p99Millis(), heap, liveHeap, threads, SoakReport.total(heap), SoakReport.total(liveHeap),
                SoakReport.total(threads), List.copyOf(out));
    }

    /** The executor's duplicate results dropped, re-dispatches and deadlines exceeded, as counted so far. */
    private double[] executorCounters(String executorUrl) {
        return new double[] {client.metric(executorUrl, "synergy.executor.results.dropped", null),
            client.metric(executorUrl, "synergy.executor.redispatches", null),
            client.metric(executorUrl, "synergy.executor.deadlines.exceeded", null)};
    }

    /** A counter's growth over the run; -1 when the executor did not answer either time. */
    private static long delta(double[] after, double[] before, int k) {
        double d = after[k] - before[k];
        return Double.isNaN(d) ? -1 : Math.round(d);
    }

    private void write(SoakReport report, PrintWriter stdout) {
        ObjectMapper mapper = new ObjectMapper();
        try {
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve("bench-soak.json"),
                    mapper.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + outDir.resolve("bench-soak.json"), e);
        }
        SoakPlot.write(report, outDir.resolve("bench-soak.png"));
        if (json) {
            stdout.println(mapper.writeValueAsString(report));
        } else {
            printSummary(report, stdout);
            stdout.println("wrote " + outDir.resolve("bench-soak.json") + " and " + outDir.resolve("bench-soak.png"));
        }
        stdout.flush();
    }

    private static void printSummary(SoakReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "%nsoak of %.1f min at %.2f requests/s per app (time scale %.3g), plan epoch %d -> %d%n",
                r.minutes(), r.ratePerApp(), r.timeScale(), r.planEpochStart(), r.planEpochEnd());
        out.printf(Locale.ROOT, "requests: %d accepted, %d completed, %d lost %s, %d rejected, %d dropped; "
                        + "%d duplicate results, %d re-dispatches%n", r.accepted(), r.completed(), r.lost(),
                r.lostByOutcome(), r.rejected(), r.dropped(), r.duplicates(), r.redispatches());
        out.printf(Locale.ROOT, "throughput %.2f inferences/s (host); latency p50 %.0f ms, p99 %.0f ms%n",
                r.hostInferencesPerSecond(), r.latencyHostMillis().p50Millis(), r.latencyHostMillis().p99Millis());
        out.printf(Locale.ROOT, "device events %d (%d refused); recovery p50 %.0f ms, max %.0f ms over %d, "
                        + "%d never recovered%n", r.deviceEvents(), r.deviceEventErrors(), r.recoveryMillis().p50(),
                r.recoveryMillis().max(), r.recoveryMillis().samples(), r.recoveryMillis().unrecovered());
        out.printf(Locale.ROOT, "%-10s %14s %14s %14s %14s %14s %14s%n", "service", "heap MB start", "heap MB end",
                "live MB start", "live MB end", "threads start", "threads end");
        r.services().forEach((name, t) -> out.printf(Locale.ROOT, "%-10s %14.0f %14.0f %14.0f %14.0f %14.0f %14.0f%n",
                name, t.heapMb().start(), t.heapMb().end(), t.liveHeapMb().start(), t.liveHeapMb().end(),
                t.threads().start(), t.threads().end()));
        out.printf(Locale.ROOT, "%-10s %14.0f %14.0f %14.0f %14.0f %14.0f %14.0f%n", "all", r.heapMb().start(),
                r.heapMb().end(), r.liveHeapMb().start(), r.liveHeapMb().end(), r.threads().start(), r.threads().end());
    }

    private void say(String line) {
        progress.println(line);
        progress.flush();
    }
}
