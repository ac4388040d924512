package io.synergy.executor.web;

import io.synergy.executor.application.InferenceService;
import io.synergy.executor.application.ServingStats;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /api/executor/stats}: per app, results and failures since start, requests in flight, and
 * the throughput and latency of the last window, for the dashboard's charts.
 */
@RestController
public class StatsController {

    private final InferenceService service;

    public StatsController(InferenceService service) {
        this.service = service;
    }

    @GetMapping("/api/executor/stats")
    public Stats stats() {
        List<AppView> apps = service.stats().stream().map(app -> AppView.of(app, service.inFlight(app.appId()))).toList();
        return new Stats(service.statsWindow().toMillis() / 1000.0, apps);
    }

    /** @param windowSeconds how far back the throughput and latency figures look */
    public record Stats(double windowSeconds, List<AppView> apps) {
    }

    /**
     * One app; a latency is null while the window holds no result.
     *
     * @param completedPerSecond results per second over the window
     */
    public record AppView(String appId, long completed, long failed, int inFlight, double completedPerSecond,
                          Double latencyP50Millis, Double latencyP95Millis, int samples) {

        static AppView of(ServingStats.AppStats app, int inFlight) {
            return new AppView(app.appId(), app.completed(), app.failed(), inFlight, app.completedPerSecond(),
                    finite(app.latencyP50Millis()), finite(app.latencyP95Millis()), app.samples());
        }

        private static Double finite(double value) {
            return Double.isNaN(value) ? null : value;
        }
    }
}
