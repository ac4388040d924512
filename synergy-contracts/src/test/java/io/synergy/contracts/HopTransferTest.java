package io.synergy.contracts;

import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.header.Dispatch;
import io.synergy.contracts.header.HopKind;
import io.synergy.contracts.header.HopTransfer;
import io.synergy.contracts.header.Route;
import io.synergy.contracts.tensor.TensorDatatype;
import io.synergy.contracts.tensor.TensorDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class HopTransferTest {

    private static final Instant SENT = Instant.parse("2026-11-27T10:15:31.123456789Z");

    @Test
    void stampsTheSendersClockInDecimalMicroseconds() {
        byte[] stamp = HopTransfer.stamp(Clock.fixed(SENT, ZoneOffset.UTC));

        assertThat(new String(stamp, StandardCharsets.UTF_8)).isEqualTo("1795774531123456");
    }

    @Test
    void theHopIsTheReceiversClockMinusTheStamp() {
        byte[] stamp = HopTransfer.stamp(Clock.fixed(SENT, ZoneOffset.UTC));
        Clock receiver = Clock.fixed(SENT.plus(Duration.ofNanos(1_750_000)), ZoneOffset.UTC);

        assertThat(HopTransfer.elapsedMicros(stamp, receiver)).hasValue(1_750);
    }

    @Test
    void aRecordWithoutTheHeaderIsNotMeasured() {
        assertThat(HopTransfer.elapsedMicros(null, Clock.systemUTC())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "12.5", " 1795774531123456", "-5", "99999999999999999999"})
    void aValueThatDoesNotReadIsNotMeasured(String value) {
        byte[] header = value.getBytes(StandardCharsets.UTF_8);

        assertThat(HopTransfer.elapsedMicros(header, Clock.fixed(SENT, ZoneOffset.UTC))).isEmpty();
    }

    @Test
    void aStampInTheReceiversFutureIsNotMeasured() {
        byte[] stamp = HopTransfer.stamp(Clock.fixed(SENT.plusMillis(3), ZoneOffset.UTC));

        assertThat(HopTransfer.elapsedMicros(stamp, Clock.fixed(SENT, ZoneOffset.UTC))).isEmpty();
    }

    @Test
    void theBucketsAreAscendingAndFineBelowTheFiveMillisecondTarget() {
        assertThat(HopTransfer.BUCKETS).isSorted().doesNotHaveDuplicates();
        assertThat(HopTransfer.BUCKETS.stream().filter(b -> b.compareTo(Duration.ofMillis(5)) <= 0).count())
                .isGreaterThanOrEqualTo(8);
        assertThat(HopTransfer.BUCKETS.get(0)).isEqualTo(Duration.ofMillis(1).dividedBy(4));
    }

    @Test
    void stageZeroIsADispatchAndEveryLaterStageAnActivation() {
        Dispatch dispatch = new Dispatch("req-1", "captions", 3, Route.parse("gw-a/d1:0-2;gw-b/d2:2-4"),
                SENT.plusSeconds(5));
        ActivationHeaders first = new ActivationHeaders(dispatch, 0, TensorDescriptor.of(TensorDatatype.INT8, 1, 4, 4));

        assertThat(HopKind.ofActivation(first)).isEqualTo(HopKind.DISPATCH);
        assertThat(HopKind.ofActivation(first.next(TensorDescriptor.of(TensorDatatype.INT8, 8))))
                .isEqualTo(HopKind.ACTIVATION);
        assertThat(HopKind.OUTCOME.tagValue()).isEqualTo("outcome");
    }
}
