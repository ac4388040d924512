package io.synergy.cli.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Reading the hop timer out of a scrape, and summarising a window from two scrapes. */
class PrometheusHistogramsTest {

    private static String scrape(long dispatchFast, long dispatchAll, long outcomeFast, long outcomeAll) {
        return "# HELP synergy_hop_transfer_seconds one Kafka hop\n"
                + "# TYPE synergy_hop_transfer_seconds histogram\n"
                + "synergy_hop_transfer_seconds_bucket{application=\"device-gateway\",kind=\"dispatch\",le=\"0.001\"} " + dispatchFast + ".0\n"
                + "synergy_hop_transfer_seconds_bucket{application=\"device-gateway\",kind=\"dispatch\",le=\"0.002\"} " + dispatchAll + ".0\n"
                + "synergy_hop_transfer_seconds_bucket{application=\"device-gateway\",kind=\"dispatch\",le=\"+Inf\"} " + dispatchAll + ".0\n"
                + "synergy_hop_transfer_seconds_count{application=\"device-gateway\",kind=\"dispatch\"} " + dispatchAll + ".0\n"
                + "synergy_hop_transfer_seconds_bucket{kind=\"outcome\",le=\"0.001\",} " + outcomeFast + ".0\n"
                + "synergy_hop_transfer_seconds_bucket{kind=\"outcome\",le=\"0.002\",} " + outcomeAll + ".0\n"
                + "synergy_hop_transfer_seconds_bucket{kind=\"outcome\",le=\"+Inf\",} " + outcomeAll + ".0\n"
                + "synergy_stage_service_time_seconds_bucket{device=\"d1\",le=\"+Inf\"} 99.0\n";
    }

    @Test
    void readsEachKindsBucketsAndIgnoresOtherMeters() {
        Map<String, CumulativeHistogram> byKind = PrometheusHistograms.read(scrape(3, 5, 1, 2),
                "synergy_hop_transfer_seconds", "kind");

        assertThat(byKind).containsOnlyKeys("dispatch", "outcome");
        assertThat(byKind.get("dispatch").cumulative()).containsExactlyEntriesOf(new TreeMap<>(
                Map.of(0.001, 3L, 0.002, 5L, Double.POSITIVE_INFINITY, 5L)));
        assertThat(byKind.get("outcome").samples()).isEqualTo(2);
    }

    @Test
    void addsUpSeriesThatDifferOnlyInOtherLabels() {
        String twoInstances = "h_bucket{instance=\"a\",kind=\"x\",le=\"+Inf\"} 2\nh_bucket{instance=\"b\",kind=\"x\",le=\"+Inf\"} 3\n";

        assertThat(PrometheusHistograms.read(twoInstances, "h", "kind").get("x").samples()).isEqualTo(5);
    }

    @Test
    void aMissingOrEmptyScrapeHasNoHistograms() {
        assertThat(PrometheusHistograms.read(null, "h", "kind")).isEmpty();
        assertThat(PrometheusHistograms.read("", "h", "kind")).isEmpty();
    }

    @Test
    void summarisesTheHopsBetweenTwoScrapesPerKindAndTogether() {
        Map<String, CumulativeHistogram> before = PrometheusHistograms.read(scrape(3, 5, 1, 2),
                "synergy_hop_transfer_seconds", "kind");
        Map<String, CumulativeHistogram> after = PrometheusHistograms.read(scrape(13, 15, 1, 12),
                "synergy_hop_transfer_seconds", "kind");

        HopTransferSummary hops = HopTransferSummary.between(before, after);

        // 10 dispatches at most 1 ms, 10 outcomes in (1, 2] ms
        assertThat(hops.samples()).isEqualTo(20);
        assertThat(hops.p50Millis()).isCloseTo(1.0, within(1e-9));
        assertThat(hops.p95Millis()).isCloseTo(1.9, within(1e-9));
        assertThat(hops.byKind().get("dispatch").samples()).isEqualTo(10);
        assertThat(hops.byKind().get("dispatch").p50Millis()).isCloseTo(0.5, within(1e-9));
        assertThat(hops.byKind().get("outcome").p50Millis()).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void aWindowWithoutHopsHasNaNQuantiles() {
        Map<String, CumulativeHistogram> same = PrometheusHistograms.read(scrape(3, 5, 1, 2),
                "synergy_hop_transfer_seconds", "kind");

        HopTransferSummary hops = HopTransferSummary.between(same, same);

        assertThat(hops.samples()).isZero();
        assertThat(hops.p50Millis()).isNaN();
    }

    @Test
    void theBenchReadsTheTimerUnderItsPrometheusName() {
        assertThat(HopTransferSummary.PROMETHEUS_NAME).isEqualTo("synergy_hop_transfer_seconds");
    }
}
