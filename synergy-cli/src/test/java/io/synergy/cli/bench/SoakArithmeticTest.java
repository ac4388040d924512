package io.synergy.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The aggregation of {@code synergy bench soak}: trends, recoveries, the churn turn order, the report's JSON. */
class SoakArithmeticTest {

    private static final long MS = 1_000_000;

    @Test
    void aTrendStartsAndEndsAtTheMedianOfTheFirstAndLastTenthOfTheSamples() {
        List<Double> heap = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            heap.add(k < 3 ? 100.0 + k : k >= 27 ? 200.0 + k : 150.0);
        }
        heap.set(1, 900.0); // one sample caught before a collection does not move the median of three much

        Trend trend = Trend.of(heap);

        assertThat(trend.start()).isEqualTo(102.0);
        assertThat(trend.end()).isEqualTo(228.0);
        assertThat(trend.max()).isEqualTo(900.0);
    }

    @Test
    void aTrendLeavesOutSamplesTheServiceDidNotAnswerAndIsNaNWithoutAny() {
        Trend trend = Trend.of(List.of(Double.NaN, 40.0, 50.0, Double.NaN));

        assertThat(trend.start()).isEqualTo(40.0);
        assertThat(trend.end()).isEqualTo(50.0);
        assertThat(Trend.of(List.of(Double.NaN)).start()).isNaN();
        assertThat(Trend.of(List.of()).max()).isNaN();
    }

    @Test
    void aLossIsRecoveredByTheFirstCompletionOfARequestSentAfterIt() {
        RecoveryTracker tracker = new RecoveryTracker();
        tracker.lost(0, Set.of("segmentation"), 1_000 * MS);

        tracker.completed("segmentation", 900 * MS, 1_100 * MS); // sent before the loss: not a recovery
        tracker.completed("keywords", 1_200 * MS, 1_300 * MS);   // another app: not affected
        tracker.completed("segmentation", 1_500 * MS, 4_000 * MS);
        tracker.completed("segmentation", 1_600 * MS, 4_100 * MS); // already recovered

        assertThat(tracker.recoveries()).containsExactly(new RecoveryTracker.Recovery(0, "segmentation", 3_000.0));
        assertThat(tracker.summary()).isEqualTo(new RecoveryTracker.RecoverySummary(1, 3_000.0, 3_000.0, 0));
    }

    @Test
    void everyAffectedAppRecoversOnItsOwnAndAnAppNeverServedAgainCountsAsUnrecovered() {
        RecoveryTracker tracker = new RecoveryTracker();
        tracker.lost(0, Set.of("keywords", "classification"), 0);
        tracker.lost(1, Set.of("segmentation"), 10_000 * MS);

        tracker.completed("keywords", 10 * MS, 500 * MS);
        tracker.completed("classification", 20 * MS, 2_500 * MS);
        tracker.completed("keywords", 11_000 * MS, 11_100 * MS);

        RecoveryTracker.RecoverySummary summary = tracker.summary();
        assertThat(summary.samples()).isEqualTo(2);
        assertThat(summary.p50()).isEqualTo(500.0);
        assertThat(summary.max()).isEqualTo(2_500.0);
        assertThat(summary.unrecovered()).isEqualTo(1);
        assertThat(tracker.recoveries()).contains(new RecoveryTracker.Recovery(1, "segmentation", Double.NaN));
    }

    @Test
    void churnTakesThePlansDevicesInTurnAlternatingLeaveAndSilentFailure() {
        ChurnPlan churn = new ChurnPlan();
        List<String> plan = List.of("phone-1", "glasses-1", "earbud-left");

        assertThat(churn.next(plan, Set.of())).contains(new ChurnPlan.Injection("earbud-left", ChurnPlan.Kind.LEAVE));
        assertThat(churn.next(plan, Set.of())).contains(new ChurnPlan.Injection("glasses-1", ChurnPlan.Kind.FAIL));
        assertThat(churn.next(plan, Set.of("phone-1")))
                .contains(new ChurnPlan.Injection("earbud-left", ChurnPlan.Kind.LEAVE));
        assertThat(churn.next(plan, Set.of())).contains(new ChurnPlan.Injection("glasses-1", ChurnPlan.Kind.FAIL));
        assertThat(churn.next(plan, Set.copyOf(plan))).isEmpty();
    }

    @Test
    void theReportsJsonCarriesTheFiguresMachinesReadAtTheTopLevel() {
        List<SoakReport.Sample> samples = List.of(
                sample(0, 300.0, 100.0, 120.0, 40.0),
                sample(10, 320.0, 110.0, 121.0, 40.0),
                sample(20, 310.0, Double.NaN, 122.0, 41.0));
        RecoveryTracker tracker = new RecoveryTracker();
        tracker.lost(0, Set.of("keywords"), 0);
        tracker.completed("keywords", 1, 1_234 * MS);
        SoakReport report = new SoakReport("2026-11-27T05:00:00Z", 2, 10, 0.5, 1.0, 16, 60, 20, 4, 6, "synergy",
                100, 95, 93, 5, 0, 2, Map.of("504", 2L), 1, 3, 0, 2, 0,
                List.of(new SoakReport.DeviceEvent(5, "earbud-left", "leave", List.of("keywords"), null),
                        new SoakReport.DeviceEvent(25, "earbud-left", "join", List.of(), null)),
                tracker.summary(), tracker.recoveries(), 3.1, LatencySummary.of(new long[] {5 * MS}),
                Trend.of(samples.stream().map(SoakReport.Sample::heapMbTotal).toList()),
                Trend.of(samples.stream().map(SoakReport.Sample::liveHeapMbTotal).toList()),
                Trend.of(samples.stream().map(SoakReport.Sample::threadsTotal).toList()),
                SoakReport.serviceTrends(samples), samples);

        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(report));

        assertThat(json.path("accepted").asLong()).isEqualTo(95);
        assertThat(json.path("completed").asLong()).isEqualTo(93);
        assertThat(json.path("lost").asLong()).isEqualTo(2);
        assertThat(json.path("duplicates").asLong()).isEqualTo(1);
        assertThat(json.path("deviceEvents").asInt()).isEqualTo(2);
        assertThat(json.path("recoveryMillis").path("p50").asDouble()).isEqualTo(1_234.0);
        assertThat(json.path("recoveryMillis").path("max").asDouble()).isEqualTo(1_234.0);
        assertThat(json.path("heapMb").path("start").asDouble()).isEqualTo(400.0);
        assertThat(json.path("heapMb").path("end").asDouble()).isEqualTo(430.0);
        assertThat(json.path("liveHeapMb").path("end").asDouble()).isEqualTo(215.0);
        assertThat(json.path("threads").path("start").asDouble()).isEqualTo(160.0);
        assertThat(json.path("threads").path("end").asDouble()).isEqualTo(163.0);
        assertThat(json.path("services").path("executor").path("heapMb").path("end").asDouble()).isEqualTo(110.0);
        assertThat(json.path("samples")).hasSize(3);
    }

    @Test
    void thePlansDevicesMapToTheAppsWithASegmentOnThem() {
        JsonNode plans = new ObjectMapper().readTree("""
                {"epoch": 3, "plans": [
                  {"appId": "classification", "segments": [
                     {"replicas": [{"deviceId": "phone-1"}, {"deviceId": "watch-1"}]},
                     {"replicas": [{"deviceId": "glasses-1"}]}]},
                  {"appId": "segmentation", "segments": [{"devices": [{"deviceId": "glasses-1"}]}]}]}
                """);

        Map<String, Set<String>> byDevice = ChurnPlan.appsByDevice(plans);

        assertThat(byDevice).containsOnlyKeys("phone-1", "watch-1", "glasses-1");
        assertThat(byDevice.get("glasses-1")).containsExactly("classification", "segmentation");
        assertThat(byDevice.get("watch-1")).containsExactly("classification");
    }

    private static SoakReport.Sample sample(double at, double apiHeap, double executorHeap, double apiThreads,
                                            double executorThreads) {
        Map<String, Double> heap = new java.util.LinkedHashMap<>();
        heap.put("api", apiHeap);
        heap.put("executor", executorHeap);
        Map<String, Double> threads = Map.of("api", apiThreads, "executor", executorThreads);
        Map<String, Double> live = Map.of("api", apiHeap / 2, "executor", executorHeap / 2);
        return new SoakReport.Sample(at, 10, 1.0, 100, 200, 300, heap, live, threads, SoakReport.total(heap),
                SoakReport.total(live), SoakReport.total(threads), List.of());
    }
}
