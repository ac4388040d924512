package io.synergy.cli.bench;

import java.util.List;
import java.util.Map;

/**
 * The result of {@code synergy bench soak}, written as {@code bench-soak.json} and printed by
 * {@code --json}. Fields are documented in docs/bench-soak.md; extended, never renamed.
 *
 * @param accepted    requests the stack took (sent, less those refused at admission: 429 or 503)
 * @param lost        accepted requests with no result by the end, after the drain
 * @param duplicates  second results of one request the executor saw and dropped during the run
 *                    ({@code synergy.executor.results.dropped}; the HTTP client sees one answer each)
 * @param heapMb      the services' heap in use together ({@code jvm.memory.used}, area heap), MB
 * @param liveHeapMb  the services' heap still in use after their last collection together
 *                    ({@code jvm.gc.live.data.size}), MB: the steady level under the sawtooth
 * @param threads     the services' live threads together ({@code jvm.threads.live})
 */
public record SoakReport(String startedAt, int hostProcessors, double timeScale, double minutes,
                         double ratePerApp, int maxOutstanding, int churnEverySeconds, int rejoinAfterSeconds,
                         long planEpochStart, long planEpochEnd, String planner,
                         long sent, long accepted, long completed, long rejected, long dropped, long lost,
                         Map<String, Long> lostByOutcome, long duplicates, long redispatches, long deadlinesExceeded,
                         int deviceEvents, int deviceEventErrors, List<DeviceEvent> events,
                         RecoveryTracker.RecoverySummary recoveryMillis, List<RecoveryTracker.Recovery> recoveries,
                         double hostInferencesPerSecond, LatencySummary latencyHostMillis,
                         Trend heapMb, Trend liveHeapMb, Trend threads, Map<String, ServiceTrends> services,
                         List<Sample> samples) {

    /**
     * A fault the soak injected (or tried to): seconds into the measured run, the device, the
     * transition ({@code leave}, {@code fail}, {@code join}), the apps whose plan used the device,
     * and the gateway's refusal if it refused (then it is not counted in {@code deviceEvents}).
     */
    public record DeviceEvent(double atSeconds, String deviceId, String kind, List<String> affectedApps,
                              String error) {
    }

    /** One service's heap in use and after collection (MB), and live threads over the run. */
    public record ServiceTrends(Trend heapMb, Trend liveHeapMb, Trend threads) {
    }

    /**
     * One sampling interval ending {@code atSeconds} into the measured run: the completions in it,
     * their rate and latency percentiles (host ms, NaN without completions), each service's heap in
     * use and after its last collection (MB) and live threads, and the devices out at that moment.
     */
    public record Sample(double atSeconds, long completed, double hostInferencesPerSecond, double p50Millis,
                         double p95Millis, double p99Millis, Map<String, Double> heapMb, Map<String, Double> liveHeapMb,
                         Map<String, Double> threads, double heapMbTotal, double liveHeapMbTotal, double threadsTotal,
                         List<String> devicesOut) {
    }

    /** Each service's heap and thread trends over the samples, by service name. */
    public static Map<String, ServiceTrends> serviceTrends(List<Sample> samples) {
        Map<String, ServiceTrends> trends = new java.util.LinkedHashMap<>();
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        samples.forEach(s -> names.addAll(s.heapMb().keySet()));
        for (String name : names) {
            trends.put(name, new ServiceTrends(
                    Trend.of(samples.stream().map(s -> s.heapMb().getOrDefault(name, Double.NaN)).toList()),
                    Trend.of(samples.stream().map(s -> s.liveHeapMb().getOrDefault(name, Double.NaN)).toList()),
                    Trend.of(samples.stream().map(s -> s.threads().getOrDefault(name, Double.NaN)).toList())));
        }
        return trends;
    }

    /** The sum over services, NaN when any of them did not answer (such a sample is left out of trends). */
    public static double total(Map<String, Double> perService) {
        return perService.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
