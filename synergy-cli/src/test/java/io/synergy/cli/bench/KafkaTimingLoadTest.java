package io.synergy.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synergy.contracts.envelope.Envelope;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.inference.FailureCode;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.InferenceFailed;
import io.synergy.contracts.inference.InferenceRequestEvent;
import io.synergy.contracts.inference.InferenceRequested;
import io.synergy.contracts.inference.InferenceResultEvent;
import io.synergy.contracts.tensor.TensorDatatype;
import io.synergy.contracts.tensor.WireTensor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The bookkeeping of the timing-only run over Kafka, without a broker: the closed loop's bound and
 * outcomes, the request values it sends, and how it reads an outcome's type.
 */
class KafkaTimingLoadTest {

    private static final long MS = 1_000_000;
    private static final Duration NO_WAIT = Duration.ZERO;
    private static final WireTensor INPUT = new WireTensor(TensorDatatype.INT8, List.of(2, 3), new int[] {1, -2, 3, -4, 5, 127});

    @Test
    void anAppHasAtMostItsBoundOutstandingAndAnAnswerMakesRoomForOneMore() throws InterruptedException {
        ClosedLoopLedger ledger = new ClosedLoopLedger(List.of("kws", "unet"), 2);

        assertThat(ledger.awaitRoom("kws", NO_WAIT)).isTrue();
        ledger.sent("r-1", "kws", 0);
        assertThat(ledger.awaitRoom("kws", NO_WAIT)).isTrue();
        ledger.sent("r-2", "kws", 0);

        assertThat(ledger.awaitRoom("kws", NO_WAIT)).as("the bound of 2 is reached").isFalse();
        assertThat(ledger.awaitRoom("unet", NO_WAIT)).as("another app has its own bound").isTrue();
        assertThat(ledger.answered("r-1", true, 5 * MS)).isTrue();
        assertThat(ledger.awaitRoom("kws", NO_WAIT)).isTrue();
    }

    @Test
    void countsACompletionWithItsLatencyAndAFailureWithout() throws InterruptedException {
        ClosedLoopLedger ledger = new ClosedLoopLedger(List.of("kws"), 4);
        ledger.awaitRoom("kws", NO_WAIT);
        ledger.sent("r-1", "kws", 10 * MS);
        ledger.awaitRoom("kws", NO_WAIT);
        ledger.sent("r-2", "kws", 10 * MS);

        ledger.answered("r-1", true, 17 * MS);
        ledger.answered("r-2", false, 30 * MS);

        assertThat(ledger.stats().get("kws").completedCount()).isEqualTo(1);
        assertThat(ledger.stats().get("kws").latencyNanosSince(0)).containsExactly(7 * MS);
        assertThat(ledger.stats().get("kws").failedCount()).isEqualTo(1);
        assertThat(ledger.outstanding()).isZero();
    }

    @Test
    void anAnswerToARequestThatIsNotOutstandingHereChangesNothing() throws InterruptedException {
        ClosedLoopLedger ledger = new ClosedLoopLedger(List.of("kws"), 1);
        ledger.awaitRoom("kws", NO_WAIT);
        ledger.sent("r-1", "kws", 0);

        assertThat(ledger.answered("someone-elses", true, MS)).isFalse();
        assertThat(ledger.answered("r-1", true, MS)).isTrue();
        assertThat(ledger.answered("r-1", true, 2 * MS)).as("a second outcome of the same request").isFalse();

        assertThat(ledger.stats().get("kws").completedCount()).isEqualTo(1);
        assertThat(ledger.awaitRoom("kws", NO_WAIT)).isTrue();
        assertThat(ledger.awaitRoom("kws", NO_WAIT)).as("the repeat did not free a second room").isFalse();
    }

    @Test
    void aRequestWithoutAnAnswerIsGivenUpAfterThePatienceAndFreesItsRoom() throws InterruptedException {
        ClosedLoopLedger ledger = new ClosedLoopLedger(List.of("kws"), 1);
        ledger.awaitRoom("kws", NO_WAIT);
        ledger.sent("r-1", "kws", 0);

        assertThat(ledger.giveUpOlderThan(Duration.ofMillis(100), 100 * MS)).as("not older than the patience").isZero();
        assertThat(ledger.giveUpOlderThan(Duration.ofMillis(100), 101 * MS)).isEqualTo(1);

        assertThat(ledger.unanswered("kws")).isEqualTo(1);
        assertThat(ledger.outstanding()).isZero();
        assertThat(ledger.awaitRoom("kws", NO_WAIT)).isTrue();
        assertThat(ledger.answered("r-1", true, 200 * MS)).as("a late answer after giving up").isFalse();
        assertThat(ledger.stats().get("kws").completedCount()).isZero();
    }

    @Test
    void aRequestThatCouldNotBeSentCountsAsFailedAndFreesItsRoom() throws InterruptedException {
        ClosedLoopLedger ledger = new ClosedLoopLedger(List.of("kws"), 1);
        ledger.awaitRoom("kws", NO_WAIT);
        ledger.sent("r-1", "kws", 0);

        ledger.notSent("r-1");

        assertThat(ledger.stats().get("kws").failedCount()).isEqualTo(1);
        assertThat(ledger.awaitRoom("kws", NO_WAIT)).isTrue();
    }

    @Test
    void refusesABoundBelowOneAnUnknownAppAndAnIdSentTwice() throws InterruptedException {
        assertThatThrownBy(() -> new ClosedLoopLedger(List.of("kws"), 0)).hasMessageContaining("perApp: must be >= 1");
        ClosedLoopLedger ledger = new ClosedLoopLedger(List.of("kws"), 2);
        assertThatThrownBy(() -> ledger.awaitRoom("unet", NO_WAIT)).hasMessageContaining("appId: unet is not one of [kws]");
        ledger.awaitRoom("kws", NO_WAIT);
        ledger.sent("r-1", "kws", 0);
        assertThatThrownBy(() -> ledger.sent("r-1", "kws", 0)).hasMessageContaining("r-1 is already outstanding");
    }

    @Test
    void aTemplatedRequestDecodesAsTheSameRequestEncodedByTheCodecWithItsOwnIds() {
        Instant made = Instant.parse("2026-11-27T08:00:00Z");
        RequestTemplate template = new RequestTemplate("timing-abc", "keywords", INPUT, 30_000, made);
        String id = RequestTemplate.requestId("timing-abc", 42);
        UUID eventId = UUID.randomUUID();

        Envelope<InferenceRequestEvent> read = EventCodec.of(InferenceRequestEvent.class).decode(template.value(id, eventId));

        assertThat(id).isEqualTo("timing-abc-000000000042");
        assertThat(read).isEqualTo(new Envelope<>(eventId, 1, made, id, new InferenceRequested(id, "keywords", INPUT, 30_000)));
        assertThat(read.key()).isEqualTo(id);
    }

    @Test
    void everyCopyOfATemplateIsItsOwnValue() {
        RequestTemplate template = new RequestTemplate("timing-abc", "keywords", INPUT, 0, Instant.EPOCH);
        EventCodec<InferenceRequestEvent> codec = EventCodec.of(InferenceRequestEvent.class);

        byte[] first = template.value(RequestTemplate.requestId("timing-abc", 1), UUID.randomUUID());
        byte[] second = template.value(RequestTemplate.requestId("timing-abc", 2), UUID.randomUUID());

        assertThat(codec.decode(first).event().requestId()).isEqualTo("timing-abc-000000000001");
        assertThat(codec.decode(second).event().requestId()).isEqualTo("timing-abc-000000000002");
    }

    @Test
    void refusesAnIdThatIsNotOfTheTemplatesPrefixAndLength() {
        RequestTemplate template = new RequestTemplate("timing-abc", "keywords", INPUT, 0, Instant.EPOCH);

        assertThatThrownBy(() -> template.value("timing-abc-1", UUID.randomUUID()))
                .hasMessageContaining("requestId: must be timing-abc-<12 digits>, got timing-abc-1");
        assertThatThrownBy(() -> template.value("timing-xyz-000000000001", UUID.randomUUID()))
                .hasMessageContaining("requestId: must be timing-abc-<12 digits>");
        assertThatThrownBy(() -> RequestTemplate.requestId("timing-abc", -1)).hasMessageContaining("number: must be in [0, 10^12)");
    }

    @Test
    void readsTheOutcomeTypeOfAResultAndNothingElse() {
        EventCodec<InferenceResultEvent> results = EventCodec.of(InferenceResultEvent.class);
        byte[] completed = results.encode(Envelope.of(new InferenceCompleted("r-1", "keywords", "keywords", 3, INPUT),
                Clock.systemUTC()));
        byte[] failed = results.encode(Envelope.of(new InferenceFailed("r-2", "keywords", FailureCode.INVALID_INPUT, "bad"),
                Clock.systemUTC()));

        assertThat(KafkaLoadDriver.outcomeType(completed)).isEqualTo("InferenceCompleted");
        assertThat(KafkaLoadDriver.outcomeType(failed)).isEqualTo("InferenceFailed");
        assertThat(KafkaLoadDriver.outcomeType("{\"type\":\"StageRejected\"}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(KafkaLoadDriver.outcomeType("not json".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(KafkaLoadDriver.outcomeType("[1]".getBytes(StandardCharsets.UTF_8))).isNull();
    }
}
