package io.synergy.cli;

import io.synergy.cli.demo.AppStats;
import io.synergy.cli.demo.DemoApp;
import io.synergy.cli.demo.DeviceSampler;
import io.synergy.cli.demo.LoadDriver;
import io.synergy.cli.demo.StackClient;
import io.synergy.cli.stack.ApiKeys;
import io.synergy.cli.stack.StackComponent;
import io.synergy.cli.stack.StackLauncher;
import io.synergy.cli.stack.StackSettings;
import io.synergy.core.zoo.Zoo;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code synergy demo}: on a running stack (started here if none runs), seeds the zoo models, runs
 * a wearable fleet of seven emulated devices on the device-gateway, deploys three apps at once —
 * one of them a model no single MAX78000 holds — drives real inputs through the HTTP API, prints a
 * live table, and ends with the measured throughput beside the planner's estimate.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Seed models, a wearable fleet and three apps, drive real inference load and report it.")
final class DemoCommand implements Runnable {

    private static final Duration TABLE_EVERY = Duration.ofSeconds(3);
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(250);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private StackOptions stack;

    @Option(names = "--seconds", paramLabel = "N",
            description = "Drive load for N seconds and return, leaving the stack running; without it, until interrupted.")
    private Integer seconds;

    @Option(names = "--warmup-seconds", defaultValue = "10",
            description = "Load before measuring starts, so that every JVM has compiled its hot paths (default 10).")
    private int warmupSeconds;

    @Option(names = "--concurrency", defaultValue = "4",
            description = "Requests each app keeps in flight (default 4).")
    private int concurrency;

    @Option(names = "--time-scale", defaultValue = "10",
            description = "Host time per unit of modelled device time for the demo fleet (default 10: ten times "
                    + "slower than the silicon, so that one host is not the bottleneck).")
    private double timeScale;

    @Option(names = "--json", description = "Print the summary as one JSON object; the periodic tables and "
            + "progress go to stderr.")
    private boolean json;

    @Override
    public void run() {
        if (warmupSeconds < 0) {
            throw new IllegalArgumentException("--warmup-seconds: must be >= 0, got " + warmupSeconds);
        }
        if (seconds != null && seconds < 1) {
            throw new IllegalArgumentException("--seconds: must be >= 1, got " + seconds);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter out = json ? spec.commandLine().getErr() : stdout;
        StackLauncher launcher = stack.launcher();
        StackSettings settings = StackSession.runningStack(launcher, out);
        StackClient client = new StackClient(settings.url(StackComponent.API), ApiKeys.read(launcher.home()));
        settings = startFleet(launcher, settings, out);

        List<DemoApp> apps = DemoApp.wearables();
        out.println("registering the zoo models " + Zoo.names());
        out.flush();
        Zoo.names().forEach(client::registerZooModel);
        apps.forEach(client::deployApp);
        awaitPlaced(client, apps, out);

        DeviceSampler devices = new DeviceSampler(client, List.of(settings.url(StackComponent.GATEWAY)));
        try (LoadDriver load = new LoadDriver(client, apps, concurrency)) {
            load.start();
            out.println("warming up for " + warmupSeconds + " s");
            out.flush();
            StackSession.pause(Duration.ofSeconds(warmupSeconds));
            load.stats().values().forEach(AppStats::reset);
            Instant start = Instant.now();
            Instant end = seconds == null ? Instant.MAX : start.plusSeconds(seconds);
            Thread stopper = new Thread(() -> printSummary(out, stdout, client, load, devices, start), "demo-summary");
            if (seconds == null) {
                Runtime.getRuntime().addShutdownHook(stopper);
            }
            Instant nextTable = start.plus(TABLE_EVERY);
            while (Instant.now().isBefore(end)) {
                devices.sample();
                if (Instant.now().isAfter(nextTable)) {
                    printTable(out, load.stats(), devices, start);
                    nextTable = nextTable.plus(TABLE_EVERY);
                }
                StackSession.pause(SAMPLE_EVERY);
            }
            printSummary(out, stdout, client, load, devices, start);
        }
        out.println("the stack keeps running; stop it with: bin/synergy down");
        out.flush();
    }

    private StackSettings startFleet(StackLauncher launcher, StackSettings settings, PrintWriter out) {
        out.println("starting the wearable fleet (7 devices, time scale " + timeScale + ") on the device-gateway");
        out.flush();
        return StackSession.startWearableFleet(launcher, settings, timeScale, List.of());
    }

    private static void awaitPlaced(StackClient client, List<DemoApp> apps, PrintWriter out) {
        StackSession.awaitPlaced(client, apps);
        JsonNode plans = client.plans();
        out.println("plan set epoch " + (plans == null ? "?" : plans.path("epoch").asLong()) + ":");
        if (plans != null) {
            for (JsonNode plan : plans.path("plans")) {
                StringBuilder route = new StringBuilder();
                for (JsonNode segment : plan.path("segments")) {
                    route.append(String.format(Locale.ROOT, " [%d,%d)->%s", segment.path("fromLayer").asInt(),
                            segment.path("toLayer").asInt(), deviceIds(segment)));
                }
                out.printf(Locale.ROOT, "  %-15s %-16s%s  (estimate %.1f inf/s, bottleneck %s)%n",
                        plan.path("appId").asString(), plan.path("modelName").asString(), route,
                        plan.path("estimate").path("inferencesPerSecond").asDouble(),
                        plan.path("estimate").path("bottleneck").asString());
            }
        }
        out.flush();
    }

    private static String deviceIds(JsonNode segment) {
        StringBuilder ids = new StringBuilder();
        for (JsonNode device : segment.path("replicas")) {
            ids.append(ids.length() == 0 ? "" : "+").append(device.path("deviceId").asString());
        }
        return ids.toString();
    }

    private static void printTable(PrintWriter out, Map<String, AppStats> stats, DeviceSampler devices,
                                   Instant start) {
        double elapsed = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        out.printf(Locale.ROOT, "%n-- %.0f s --------------------------------------------------------------%n", elapsed);
        out.printf(Locale.ROOT, "%-15s %8s %9s %9s %9s %8s %7s%n", "app", "done", "inf/s", "p50 ms", "p95 ms",
                "429s", "errors");
        stats.forEach((app, s) -> out.printf(Locale.ROOT, "%-15s %8d %9.2f %9.1f %9.1f %8d %7d%n", app,
                s.completedCount(), s.completedCount() / elapsed, s.latencyMillis(0.5), s.latencyMillis(0.95),
                s.rejectedCount(), s.failedCount()));
        Map<String, JsonNode> latest = devices.latest();
        out.printf(Locale.ROOT, "%-15s %8s %9s %9s  %s%n", "device", "util", "queue", "stages", "segments");
        devices.utilisation().forEach((id, util) -> {
            JsonNode view = latest.get(id);
            out.printf(Locale.ROOT, "%-15s %7.0f%% %9d %9d  %s%n", id, 100 * util, view.path("queueDepth").asInt(),
                    view.path("stagesRun").asLong(), view.path("loadedSegments").toString());
        });
        out.flush();
    }

    /** The last table on {@code out}; the summary as text on {@code out}, or as JSON on {@code stdout}. */
    private void printSummary(PrintWriter out, PrintWriter stdout, StackClient client, LoadDriver load,
                              DeviceSampler devices, Instant start) {
        printTable(out, load.stats(), devices, start);
        double elapsed = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        if (json) {
            stdout.println(new ObjectMapper().writeValueAsString(summary(client.plans(), load, devices, elapsed)));
            stdout.flush();
            return;
        }
        Map<String, Double> estimates = new HashMap<>();
        JsonNode plans = client.plans();
        if (plans != null) {
            for (JsonNode plan : plans.path("plans")) {
                estimates.put(plan.path("appId").asString(), plan.path("estimate").path("inferencesPerSecond").asDouble());
            }
        }
        out.printf(Locale.ROOT, "%nsummary over %.0f s (fleet time = host time / %.1f):%n", elapsed, timeScale);
        out.printf(Locale.ROOT, "%-22s %14s %14s%n", "app", "measured inf/s", "in fleet time");
        double together = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, AppStats> entry : load.stats().entrySet()) {
            double measured = entry.getValue().completedCount() / elapsed;
            together = Math.min(together, measured * timeScale);
            out.printf(Locale.ROOT, "%-22s %14.2f %14.2f%n", entry.getKey(), measured, measured * timeScale);
        }
        // The planner's objective is the rate at which all apps run together (each app's plan carries
        // that joint rate); closed-loop clients let every app run as fast as its own pipeline allows,
        // so the figure to hold against the plan is the slowest app's.
        double planned = estimates.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        out.printf(Locale.ROOT, "%-22s %14s %14.2f   planned %.2f, measured/planned %.2f%n", "all apps together", "",
                together, planned, together / planned);
        out.println("(closed loop with " + concurrency + " requests in flight per app: the measured rate is at most "
                + "what the pipeline allows)");
        out.flush();
    }

    /**
     * The summary {@code --json} prints: per app the completions, rejections (429), failures, host and
     * fleet rate and latency percentiles; per device its sampled utilisation and stages run; the
     * slowest app's fleet rate beside the plan's joint estimate.
     */
    private Map<String, Object> summary(JsonNode plans, LoadDriver load, DeviceSampler devices, double elapsed) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("seconds", elapsed);
        report.put("timeScale", timeScale);
        report.put("concurrency", concurrency);
        report.put("planEpoch", plans == null ? null : plans.path("epoch").asLong());
        double planned = Double.POSITIVE_INFINITY;
        if (plans != null) {
            for (JsonNode plan : plans.path("plans")) {
                planned = Math.min(planned, plan.path("estimate").path("inferencesPerSecond").asDouble());
            }
        }
        List<Map<String, Object>> apps = new ArrayList<>();
        double together = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, AppStats> entry : load.stats().entrySet()) {
            AppStats stats = entry.getValue();
            double host = stats.completedCount() / elapsed;
            together = Math.min(together, host * timeScale);
            Map<String, Object> app = new LinkedHashMap<>();
            app.put("appId", entry.getKey());
            app.put("completed", stats.completedCount());
            app.put("rejected", stats.rejectedCount());
            app.put("failed", stats.failedCount());
            app.put("hostInferencesPerSecond", host);
            app.put("fleetInferencesPerSecond", host * timeScale);
            app.put("p50Millis", stats.latencyMillis(0.5));
            app.put("p95Millis", stats.latencyMillis(0.95));
            apps.add(app);
        }
        report.put("apps", apps);
        Map<String, JsonNode> latest = devices.latest();
        List<Map<String, Object>> fleet = new ArrayList<>();
        devices.utilisation().forEach((id, util) -> {
            Map<String, Object> device = new LinkedHashMap<>();
            device.put("deviceId", id);
            device.put("utilisation", util);
            device.put("stagesRun", latest.get(id).path("stagesRun").asLong());
            fleet.add(device);
        });
        report.put("devices", fleet);
        report.put("jointFleetInferencesPerSecond", together);
        report.put("plannedInferencesPerSecond", Double.isInfinite(planned) ? null : planned);
        report.put("measuredToPlanned", Double.isInfinite(planned) ? null : together / planned);
        return report;
    }
}
