package io.synergy.gateway.application;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The time scale and the link model: the two formulas every modelled duration goes through. */
class TimeModelTest {

    @Test
    void scalesFleetMicrosecondsToHostNanoseconds() {
        assertThat(TimeScale.REAL_TIME.hostNanos(1234.5)).isEqualTo(1_234_500);
        assertThat(new TimeScale(10).hostNanos(1234.5)).isEqualTo(12_345_000);
        assertThat(new TimeScale(0.5).hostDuration(2_000)).isEqualTo(Duration.ofMillis(1));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsATimeScaleThatIsNotFiniteAndPositive(double factor) {
        assertThatThrownBy(() -> new TimeScale(factor)).hasMessageContaining("time-scale");
    }

    @Test
    void aLinkTakesBytesOverBandwidthPlusItsPerMessageLatency() {
        LinkModel link = new LinkModel(170_000, 7_500);

        assertThat(link.transferMicros(0)).isEqualTo(7_500);
        assertThat(link.transferMicros(17_000)).isEqualTo(107_500);
    }

    @Test
    void presetsAreFoundByNameInAnyCaseAndAnUnknownOneNamesTheKnownOnes() {
        assertThat(LinkPreset.byName("BLE-2M").link()).isEqualTo(new LinkModel(170_000, 7_500));
        assertThatThrownBy(() -> LinkPreset.byName("carrier-pigeon"))
                .hasMessageContaining("carrier-pigeon").hasMessageContaining("ble-2m, uart-921k");
    }
}
