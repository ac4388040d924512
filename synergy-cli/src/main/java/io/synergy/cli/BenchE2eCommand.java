package io.synergy.cli;

import io.synergy.cli.bench.BenchE2eReport;
import io.synergy.cli.bench.BenchE2eReport.AppResult;
import io.synergy.cli.bench.BenchE2eReport.ModeResult;
import io.synergy.cli.bench.BenchE2eReport.TimingOnlyLevel;
import io.synergy.cli.bench.BenchE2eReport.TimingOnlyResult;
import io.synergy.cli.bench.BenchPlot;
import io.synergy.cli.bench.CumulativeHistogram;
import io.synergy.cli.bench.HopOverhead;
import io.synergy.cli.bench.HopTransferSummary;
import io.synergy.cli.bench.PrometheusHistograms;
import io.synergy.cli.bench.JointRate;
import io.synergy.cli.bench.KafkaLoadDriver;
import io.synergy.cli.bench.LatencySummary;
import io.synergy.cli.bench.OpenLoopDriver;
import io.synergy.cli.bench.RouteModel;
import io.synergy.cli.bench.RouteTiming;
import io.synergy.cli.demo.AppStats;
import io.synergy.cli.demo.DemoApp;
import io.synergy.cli.demo.LoadDriver;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * {@code synergy bench e2e}: the demo's three apps on the wearable fleet of a running stack (started
 * here if none runs), under closed-loop and then open-loop load through the HTTP API, and optionally a
 * timing-only run; reports throughput, latency percentiles, the ratio to the planner's joint estimate
 * and the per-hop overhead, and writes {@code bench-e2e.json} and {@code bench-e2e.png}.
 */
@Command(name = "e2e", mixinStandardHelpOptions = true,
        description = "Benchmark the running stack end to end: throughput, latency, plan ratio, per-hop overhead.")
final class BenchE2eCommand implements Runnable {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);
    /** Open loop without --rate: this share of each app's closed-loop rate, below saturation. */
    private static final double OPEN_LOOP_SHARE = 0.8;
    private static final List<String> TIMING_ONLY_ARGUMENTS = List.of("--synergy.gateway.timing-only=true");
    private static final String KAFKA = "kafka";
    private static final String HTTP = "http";
    /** Timing-only over Kafka: each request's timeoutMillis (a lost answer is given up 10 s after it). */
    private static final Duration KAFKA_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private StackOptions stack;

    @Option(names = "--seconds", defaultValue = "30", paramLabel = "N",
            description = "Host seconds of load per mode (default 30).")
    private int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "5", paramLabel = "N",
            description = "Host seconds of load before each measurement starts, not counted (default 5).")
    private int warmupSeconds;

    @Option(names = "--concurrency", defaultValue = "4",
            description = "Closed loop: requests each app keeps in flight (default 4).")
    private int concurrency;

    @Option(names = "--rate", paramLabel = "PER_SECOND",
            description = "Open loop: arrivals per app per host second (default: 0.8 x each app's closed-loop rate).")
    private Double rate;

    @Option(names = "--max-outstanding", defaultValue = "16",
            description = "Open loop: requests per app awaiting an answer at most; later arrivals are dropped (default 16).")
    private int maxOutstanding;

    @Option(names = "--time-scale", defaultValue = "10",
            description = "Host time per unit of fleet time for the measured modes (default 10).")
    private double timeScale;

    @Option(names = "--timing-only", description = "Also run the gateway in timing-only mode at --timing-time-scale "
            + "and report the highest stage-message rate sustained.")
    private boolean timingOnly;

    @Option(names = "--timing-time-scale", defaultValue = "0.001",
            description = "Time scale of the timing-only run (default 0.001).")
    private double timingTimeScale;

    @Option(names = "--timing-concurrency", split = ",", defaultValue = "4,16",
            description = "Closed-loop levels of the timing-only run, requests in flight per app (default 4,16).")
    private List<Integer> timingConcurrency;

    @Option(names = "--timing-driver", defaultValue = "kafka", paramLabel = "kafka|http",
            description = "How the timing-only run sends requests: kafka (plain clients on synergy.inference.requests "
                    + "and .results; default) or http (the API, as the measured modes).")
    private String timingDriver;

    @Option(names = "--skip-load-modes", description = "Skip the closed- and open-loop modes (with --timing-only: "
            + "only the timing-only run).")
    private boolean skipLoadModes;

    @Option(names = "--json", description = "Print the report as one JSON object (progress goes to stderr).")
    private boolean json;

    @Option(names = "--out", defaultValue = "out/bench-e2e", paramLabel = "DIR",
            description = "Where bench-e2e.json and bench-e2e.png go (default out/bench-e2e).")
    private Path outDir;

    private PrintWriter progress;
    /** The services whose hop timers a window reads: the gateway (dispatch, activation) and the executor (outcome). */
    private List<String> hopSources = List.of();
    private StackClient hopClient;

    @Override
    public void run() {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        progress = json ? spec.commandLine().getErr() : out;
        String startedAt = Instant.now().toString();
        StackLauncher launcher = stack.launcher();
        StackSettings settings = StackSession.runningStack(launcher, progress);
        StackClient client = new StackClient(settings.url(StackComponent.API), ApiKeys.read(launcher.home()));
        List<DemoApp> apps = DemoApp.wearables();
        // with the load modes skipped, the fleet starts in timing-only mode at once (a gateway restart saved)
        boolean timingAtOnce = skipLoadModes && timingOnly;
        if (timingAtOnce) {
            say("starting the wearable fleet timing-only at time scale " + timingTimeScale);
            settings = StackSession.startWearableFleet(launcher, settings, timingTimeScale, TIMING_ONLY_ARGUMENTS);
        } else {
            say("starting the wearable fleet at time scale " + timeScale);
            settings = StackSession.startWearableFleet(launcher, settings, timeScale, List.of());
        }
        say("registering the zoo models and deploying " + apps.size() + " apps");
        Zoo.names().forEach(client::registerZooModel);
        apps.forEach(client::deployApp);
        String gatewayUrl = settings.url(StackComponent.GATEWAY);
        StackSession.awaitLoaded(client, apps, gatewayUrl, this::say);

        JsonNode plans = client.plans();
        Map<String, JsonNode> planByApp = new LinkedHashMap<>();
        plans.path("plans").forEach(plan -> planByApp.put(plan.path("appId").asString(), plan));
        RouteModel routes = new RouteModel(deviceFacts(client));

        hopSources = List.of(settings.url(StackComponent.GATEWAY), settings.url(StackComponent.EXECUTOR));
        hopClient = client;
        List<ModeResult> modes = new ArrayList<>();
        if (!skipLoadModes) {
            modes.addAll(loadModes(client, apps, planByApp, routes));
        }
        TimingOnlyResult timing = null;
        if (timingOnly) {
            timing = timingOnlyRun(launcher, settings, client, apps, !timingAtOnce);
            say("restoring the fleet at time scale " + timeScale);
            StackSession.startWearableFleet(launcher, settings, timeScale, List.of());
        }
        BenchE2eReport report = new BenchE2eReport(startedAt, Runtime.getRuntime().availableProcessors(), timeScale,
                seconds, plans.path("epoch").asLong(), plans.path("planner").asString(), modes, timing);
        write(report, out);
    }

    /** The closed loop, then the open loop at a share of each app's closed-loop rate, through HTTP. */
    private List<ModeResult> loadModes(StackClient client, List<DemoApp> apps, Map<String, JsonNode> planByApp,
                                       RouteModel routes) {
        List<ModeResult> modes = new ArrayList<>();
        Map<String, Double> offered = new LinkedHashMap<>();
        try (LoadDriver load = new LoadDriver(client, apps, concurrency)) {
            load.start();
            Window window = drive("closed-loop", load::stats, Map::of);
            ModeResult closed = mode("closed-loop", concurrency, apps, planByApp, routes, load.stats(), Map.of(),
                    Map.of(), window);
            modes.add(closed);
            for (AppResult app : closed.apps()) {
                offered.put(app.appId(), rate != null ? rate
                        : Math.max(0.1, OPEN_LOOP_SHARE * app.hostInferencesPerSecond()));
            }
        }
        try (OpenLoopDriver load = new OpenLoopDriver(client, apps, offered, maxOutstanding)) {
            load.start();
            Window window = drive("open-loop", load::stats, load::droppedCounts);
            modes.add(mode("open-loop", maxOutstanding, apps, planByApp, routes, load.stats(), load.droppedCounts(),
                    offered, window));
        }
        return modes;
    }

    private void validate() {
        if (seconds < 1) {
            throw new IllegalArgumentException("--seconds: must be >= 1, got " + seconds);
        }
        if (warmupSeconds < 0) {
            throw new IllegalArgumentException("--warmup-seconds: must be >= 0, got " + warmupSeconds);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("--concurrency: must be >= 1, got " + concurrency);
        }
        if (!(timeScale > 0) || !(timingTimeScale > 0)) {
            throw new IllegalArgumentException("--time-scale and --timing-time-scale: must be > 0, got " + timeScale
                    + " and " + timingTimeScale);
        }
        if (!List.of(KAFKA, HTTP).contains(timingDriver)) {
            throw new IllegalArgumentException("--timing-driver: must be kafka or http, got " + timingDriver);
        }
        if (timingConcurrency.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("--timing-concurrency: each level must be >= 1, got " + timingConcurrency);
        }
    }

    private Map<String, RouteModel.DeviceFacts> deviceFacts(StackClient client) {
        Map<String, RouteModel.DeviceFacts> facts = new LinkedHashMap<>();
        for (JsonNode live : client.registeredDevices()) {
            JsonNode device = live.path("device");
            JsonNode link = device.path("link");
            facts.put(device.path("deviceId").asString(), new RouteModel.DeviceFacts(device.path("accelerator").asString(),
                    link.path("bandwidthBytesPerSecond").asLong(), link.path("latencyMicros").asLong()));
        }
        return facts;
    }

    /**
     * Where a mode's measurement starts, after the warm-up: each app's counts then (completed,
     * rejected, failed, dropped), and when it ended.
     */
    private record Window(Map<String, long[]> before, Instant start, Instant end,
                          Map<String, CumulativeHistogram> hopsBefore, Map<String, CumulativeHistogram> hopsAfter) {

        /** The hops of the window, or null when a scrape at either end failed. */
        HopTransferSummary hops() {
            return hopsBefore == null || hopsAfter == null ? null : HopTransferSummary.between(hopsBefore, hopsAfter);
        }

        double seconds() {
            return Duration.between(start, end).toNanos() / 1e9;
        }
    }

    /** Lets load warm up for --warmup-seconds, then run for --seconds, printing progress. */
    private Window drive(String mode, Supplier<Map<String, AppStats>> stats, Supplier<Map<String, Long>> dropped) {
        say(mode + ": " + warmupSeconds + " s of warm-up, then " + seconds + " s measured");
        StackSession.pause(Duration.ofSeconds(warmupSeconds));
        Map<String, long[]> before = new LinkedHashMap<>();
        Map<String, Long> droppedBefore = dropped.get();
        stats.get().forEach((app, s) -> before.put(app, new long[] {s.completedCount(), s.rejectedCount(),
                s.failedCount(), droppedBefore.getOrDefault(app, 0L)}));
        Map<String, CumulativeHistogram> hopsBefore = hopBuckets();
        Instant start = Instant.now();
        Instant end = start.plusSeconds(seconds);
        Instant next = start.plus(PROGRESS_EVERY);
        while (Instant.now().isBefore(end)) {
            StackSession.pause(Duration.ofMillis(Math.min(250, Math.max(1, Duration.between(Instant.now(), end).toMillis()))));
            if (Instant.now().isAfter(next)) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %s %3.0f/%d s:", mode,
                        secondsSince(start), seconds));
                stats.get().forEach((app, s) -> line.append(String.format(Locale.ROOT, "  %s %d done (p50 %.0f ms)",
                        app, s.completedCount() - before.get(app)[0], s.latencyMillis(0.5))));
                say(line.toString());
                next = next.plus(PROGRESS_EVERY);
            }
        }
        Instant stopped = Instant.now();
        return new Window(before, start, stopped, hopsBefore, hopBuckets());
    }

    /**
     * The hop timers' cumulative buckets per kind, summed over the gateway and the executor; null when
     * either does not answer (the window then reports no hop figures rather than wrong ones).
     */
    private Map<String, CumulativeHistogram> hopBuckets() {
        Map<String, CumulativeHistogram> byKind = new LinkedHashMap<>();
        for (String service : hopSources) {
            String scrape = hopClient.prometheus(service);
            if (scrape == null) {
                return null;
            }
            PrometheusHistograms.read(scrape, HopTransferSummary.PROMETHEUS_NAME, "kind")
                    .forEach((kind, histogram) -> byKind.merge(kind, histogram, CumulativeHistogram::plus));
        }
        return byKind;
    }

    private ModeResult mode(String name, int inFlight, List<DemoApp> apps, Map<String, JsonNode> planByApp,
                            RouteModel routes, Map<String, AppStats> stats, Map<String, Long> dropped,
                            Map<String, Double> offered, Window window) {
        List<AppResult> results = new ArrayList<>();
        Map<String, Double> measured = new LinkedHashMap<>();
        Map<String, Double> planned = new LinkedHashMap<>();
        for (DemoApp app : apps) {
            AppStats s = stats.get(app.id());
            long[] before = window.before().get(app.id());
            long completed = s.completedCount() - before[0];
            JsonNode plan = planByApp.get(app.id());
            double host = completed / window.seconds();
            double plannedRate = plan == null ? Double.NaN : plan.path("estimate").path("inferencesPerSecond").asDouble();
            LatencySummary latency = LatencySummary.of(s.latencyNanosSince(before[0]));
            RouteTiming route = plan == null ? new RouteTiming(1, 0) : routes.timing(plan);
            measured.put(app.id(), host * timeScale);
            if (plan != null) {
                planned.put(app.id(), plannedRate);
            }
            results.add(new AppResult(app.id(), app.model(), completed, s.rejectedCount() - before[1],
                    s.failedCount() - before[2], dropped.getOrDefault(app.id(), 0L) - before[3], offered.getOrDefault(app.id(), Double.NaN), host,
                    host * timeScale, plannedRate, latency, route.segments(), route.hops(),
                    route.modelledFleetMicros() / 1000.0, HopOverhead.of(latency.p50Millis(), route, timeScale),
                    HopOverhead.of(latency.minMillis(), route, timeScale)));
        }
        // the demo's apps carry no wanted rate, so every app weighs 1
        double jointMeasured = JointRate.of(measured, Map.of());
        double jointPlanned = JointRate.of(planned, Map.of());
        return new ModeResult(name, inFlight, results, jointMeasured, jointPlanned, jointMeasured / jointPlanned,
                window.hops());
    }

    private TimingOnlyResult timingOnlyRun(StackLauncher launcher, StackSettings settings, StackClient client,
                                           List<DemoApp> apps, boolean restart) {
        StackSettings timing = settings;
        if (restart) {
            say("timing-only: restarting the gateway with timing-only=true at time scale " + timingTimeScale);
            timing = StackSession.startWearableFleet(launcher, settings, timingTimeScale, TIMING_ONLY_ARGUMENTS);
            StackSession.awaitLoaded(client, apps, timing.url(StackComponent.GATEWAY), this::say);
        }
        String gatewayUrl = timing.url(StackComponent.GATEWAY);
        List<TimingOnlyLevel> levels = new ArrayList<>();
        double highest = 0;
        for (int level : timingConcurrency) {
            try (TimingLoad load = timingLoad(timing, client, apps, level)) {
                say("timing-only over " + timingDriver + ", " + level + " in flight per app: " + warmupSeconds
                        + " s of warm-up, then " + seconds + " s measured");
                StackSession.pause(Duration.ofSeconds(warmupSeconds));
                Counts before = load.counts();
                long stagesBefore = stagesRun(client, gatewayUrl);
                Instant start = Instant.now();
                Instant end = start.plusSeconds(seconds);
                long last = stagesBefore;
                Instant lastAt = start;
                double peak = 0;
                while (Instant.now().isBefore(end)) {
                    StackSession.pause(SAMPLE_EVERY);
                    long now = stagesRun(client, gatewayUrl);
                    Instant at = Instant.now();
                    peak = Math.max(peak, (now - last) / (Duration.between(lastAt, at).toNanos() / 1e9));
                    last = now;
                    lastAt = at;
                }
                double elapsed = secondsSince(start);
                long stages = stagesRun(client, gatewayUrl) - stagesBefore;
                Counts after = load.counts();
                long completed = after.completedTotal() - before.completedTotal();
                TimingOnlyLevel result = new TimingOnlyLevel(level, stages, stages / elapsed, peak, completed,
                        completed / elapsed, timingDriver, after.failed() - before.failed(), after.unanswered() - before.unanswered(),
                        LatencySummary.of(load.latencyNanosSince(before)));
                say(String.format(Locale.ROOT, "  %d stage messages/s sustained (peak %.0f), %.1f inferences/s, "
                                + "p50 %.1f ms, %d failed, %d unanswered",
                        Math.round(result.stageMessagesPerSecond()), peak, result.inferencesPerSecond(),
                        result.latencyHostMillis().p50Millis(), result.failedInferences(),
                        result.unansweredInferences()));
                levels.add(result);
                highest = Math.max(highest, result.stageMessagesPerSecond());
            }
        }
        return new TimingOnlyResult(timingTimeScale, levels, highest);
    }

    /** The load of one timing-only level, started; closing it stops it and waits for its answers (bounded). */
    private TimingLoad timingLoad(StackSettings settings, StackClient client, List<DemoApp> apps, int level) {
        if (KAFKA.equals(timingDriver)) {
            KafkaLoadDriver load = new KafkaLoadDriver(settings.bootstrapServers(), apps, level, KAFKA_REQUEST_TIMEOUT);
            load.start();
            return new TimingLoad(load::stats, load::unanswered, load);
        }
        LoadDriver load = new LoadDriver(client, apps, level);
        load.start();
        return new TimingLoad(load::stats, app -> 0L, load);
    }

    private record Counts(Map<String, Long> completed, long failed, long unanswered) {

        long completedTotal() {
            return completed.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Either driver as the timing-only run reads it: per-app stats, unanswered counts, and a way to stop. */
    private record TimingLoad(Supplier<Map<String, AppStats>> stats, ToLongFunction<String> unanswered,
                              AutoCloseable driver) implements AutoCloseable {

        /** Now: each app's completions, and over all apps the failures (with HTTP also rejections) and unanswered. */
        Counts counts() {
            Map<String, Long> completed = new LinkedHashMap<>();
            long failed = 0;
            long lost = 0;
            for (Map.Entry<String, AppStats> app : stats.get().entrySet()) {
                completed.put(app.getKey(), app.getValue().completedCount());
                failed += app.getValue().failedCount() + app.getValue().rejectedCount();
                lost += unanswered.applyAsLong(app.getKey());
            }
            return new Counts(completed, failed, lost);
        }

        /** The latencies of every app's completions since {@code before} (at most the last 4,096 per app). */
        long[] latencyNanosSince(Counts before) {
            return stats.get().entrySet().stream().flatMapToLong(app -> Arrays.stream(
                    app.getValue().latencyNanosSince(before.completed().getOrDefault(app.getKey(), 0L)))).toArray();
        }

        @Override
        public void close() {
            try {
                driver.close();
            } catch (Exception e) {
                throw new IllegalStateException("stopping the timing-only load: " + e.getMessage(), e);
            }
        }
    }

    private static long stagesRun(StackClient client, String gatewayUrl) {
        return client.devices(gatewayUrl).stream().mapToLong(d -> d.path("stagesRun").asLong()).sum();
    }

    private void write(BenchE2eReport report, PrintWriter out) {
        ObjectMapper mapper = new ObjectMapper();
        try {
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve("bench-e2e.json"),
                    mapper.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + outDir.resolve("bench-e2e.json"), e);
        }
        BenchPlot.write(report, outDir.resolve("bench-e2e.png"));
        if (json) {
            out.println(mapper.writeValueAsString(report));
        } else {
            printTable(report, out);
            out.println("wrote " + outDir.resolve("bench-e2e.json") + " and " + outDir.resolve("bench-e2e.png"));
        }
        out.flush();
    }

    private static void printTable(BenchE2eReport report, PrintWriter out) {
        out.printf(Locale.ROOT, "%nplan epoch %d (%s), time scale %.3g: fleet rate = host rate x scale%n",
                report.planEpoch(), report.planner(), report.timeScale());
        for (ModeResult mode : report.modes()) {
            out.printf(Locale.ROOT, "%n%s (%d per app):%n", mode.mode(), mode.concurrency());
            out.printf(Locale.ROOT, "%-15s %9s %9s %9s %8s %8s %8s %6s %12s %12s%n", "app", "host/s", "fleet/s",
                    "planned/s", "p50 ms", "p95 ms", "p99 ms", "hops", "hop ms(p50)", "hop ms(min)");
            for (AppResult app : mode.apps()) {
                LatencySummary l = app.latencyHostMillis();
                out.printf(Locale.ROOT, "%-15s %9.2f %9.2f %9.2f %8.1f %8.1f %8.1f %6d %12.1f %12.1f%n", app.appId(),
                        app.hostInferencesPerSecond(), app.fleetInferencesPerSecond(), app.plannedInferencesPerSecond(),
                        l.p50Millis(), l.p95Millis(), l.p99Millis(), app.hops(), app.overheadPerHopAtP50().hostMillisPerHop(),
                        app.overheadPerHopAtMin().hostMillisPerHop());
            }
            out.printf(Locale.ROOT, "all apps together: measured %.2f, planned %.2f, measured/planned %.2f%n",
                    mode.jointMeasuredFleetPerSecond(), mode.jointPlannedPerSecond(), mode.measuredToPlanned());
            printHops(mode.hopTransfer(), out);
        }
        if (report.timingOnly() != null) {
            out.printf(Locale.ROOT, "%ntiming-only (time scale %.3g): highest sustained %.0f stage messages/s%n",
                    report.timingOnly().timeScale(), report.timingOnly().highestStageMessagesPerSecond());
        }
    }

    private static void printHops(HopTransferSummary hops, PrintWriter out) {
        if (hops == null) {
            out.println("hop transfer (Kafka + codec, timed by the receiver): not read (a service's metrics did not answer)");
            return;
        }
        out.printf(Locale.ROOT, "hop transfer (Kafka + codec, timed by the receiver), host ms: %d hops, p50 %.2f, p95 %.2f, p99 %.2f%n",
                hops.samples(), hops.p50Millis(), hops.p95Millis(), hops.p99Millis());
        hops.byKind().forEach((kind, q) -> out.printf(Locale.ROOT, "  %-10s %7d hops, p50 %.2f, p95 %.2f, p99 %.2f%n",
                kind, q.samples(), q.p50Millis(), q.p95Millis(), q.p99Millis()));
    }

    private void say(String line) {
        progress.println(line);
        progress.flush();
    }

    private static double secondsSince(Instant start) {
        return Duration.between(start, Instant.now()).toNanos() / 1e9;
    }
}
