package io.synergy.executor.application;

import io.synergy.contracts.inference.InferenceCompleted;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.synergy.executor.application.Fixtures.POLICY;
import static io.synergy.executor.application.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InFlightTrackerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final InFlightTracker tracker = new InFlightTracker(POLICY, clock);

    @Test
    void refusesTheRequestBeyondTheAppsLimitNamingTheLimit() {
        tracker.admit(request("r1"));
        tracker.admit(request("r2"));

        assertThatThrownBy(() -> tracker.admit(request("r3")))
                .isInstanceOf(OverloadedException.class)
                .hasMessageContaining("maxInFlightPerApp")
                .hasMessageContaining("2")
                .satisfies(e -> assertThat(((OverloadedException) e).retryAfter()).isEqualTo(Duration.ofMillis(250)));
        assertThat(tracker.inFlight("captions")).isEqualTo(2);
    }

    @Test
    void otherAppsStillGetInWhenOneAppIsFull() {
        tracker.admit(request("r1"));
        tracker.admit(request("r2"));

        tracker.admit(new InferenceRequest("r3", new ServedApp("faces", "faceid"), Fixtures.input(), null, Origin.KAFKA));

        assertThat(tracker.inFlight()).isEqualTo(3);
    }

    @Test
    void finishingARequestMakesRoomForTheNext() {
        tracker.admit(request("r1"));
        tracker.admit(request("r2"));

        tracker.finish("r1", completed("r1"));

        assertThat(tracker.admit(request("r3")).requestId()).isEqualTo("r3");
    }

    @Test
    void aRepeatOfAnIdInFlightSharesItsOutcomeAndTakesNoRoom() {
        Admission first = tracker.admitOnce(request("r1"));
        tracker.admitOnce(request("r2"));

        Admission repeat = tracker.admitOnce(request("r1"));
        tracker.finish("r1", completed("r1"));

        assertThat(repeat.isRepeat()).isTrue();
        assertThat(repeat.outcome()).isCompletedWithValue(first.outcome().join());
        assertThat(tracker.repeats()).isEqualTo(1);
    }

    @Test
    void aRepeatWithinTheWindowGetsTheFirstResultEvenWhenTheAppIsFull() {
        InferenceCompleted result = completed("r1");
        tracker.admitOnce(request("r1"));
        tracker.finish("r1", result);
        tracker.admitOnce(request("r2"));
        tracker.admitOnce(request("r3"));

        clock.advance(Duration.ofMinutes(9));
        Admission repeat = tracker.admitOnce(request("r1"));

        assertThat(repeat.isRepeat()).isTrue();
        assertThat(repeat.outcome()).isCompletedWithValue(result);
    }

    @Test
    void anIdIsForgottenAfterTheWindowAndRunsAgain() {
        tracker.admitOnce(request("r1"));
        tracker.finish("r1", completed("r1"));

        clock.advance(Duration.ofMinutes(10));

        assertThat(tracker.admitOnce(request("r1")).isRepeat()).isFalse();
        assertThat(tracker.rememberedResults()).isZero();
    }

    @Test
    void remembersAtMostTheBoundOfResultsDroppingTheOldestFirst() {
        for (String id : new String[] {"r1", "r2", "r3", "r4"}) {
            tracker.admitOnce(request(id));
            tracker.finish(id, completed(id));
        }

        assertThat(tracker.rememberedResults()).isEqualTo(3);
        assertThat(tracker.repeatOf("r1")).isEmpty();
        assertThat(tracker.repeatOf("r4")).isPresent();
    }

    @Test
    void keepsOnlyResultsAClientCanAskForAgainSoTheHeapDoesNotHoldEveryOutput() {
        tracker.admitOnce(new InferenceRequest("http-generated", Fixtures.CAPTIONS, Fixtures.input(), null, Origin.HTTP, false));
        tracker.admitOnce(new InferenceRequest("kafka-1", Fixtures.CAPTIONS, Fixtures.input(), null, Origin.KAFKA));
        tracker.finish("http-generated", completed("http-generated"));
        tracker.finish("kafka-1", completed("kafka-1"));

        assertThat(tracker.rememberedResults()).isZero();
        assertThat(tracker.repeatOf("http-generated")).isEmpty();
        assertThat(tracker.repeatOf("kafka-1")).isEmpty();
    }

    @Test
    void aFailedRequestIsNotRememberedSoItsIdMayBeRetried() {
        tracker.admitOnce(request("r1"));
        tracker.finish("r1", new io.synergy.contracts.inference.InferenceFailed("r1", "kws20",
                io.synergy.contracts.inference.FailureCode.DEADLINE_EXCEEDED, "late"));

        assertThat(tracker.admitOnce(request("r1")).isRepeat()).isFalse();
    }

    @Test
    void firstResultWinsAndLaterOnesAreDroppedAndCounted() {
        InFlightRequest admitted = tracker.admit(request("r1"));
        InferenceCompleted first = completed("r1");

        assertThat(tracker.finish("r1", first)).isTrue();
        assertThat(tracker.finish("r1", completed("r1"))).isFalse();
        assertThat(tracker.finish("r1", completed("r1"))).isFalse();

        assertThat(admitted.outcome()).isCompletedWithValue(first);
        assertThat(tracker.droppedResults()).isEqualTo(2);
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void aRequestIsDueAtItsAttemptDeadlineAndNotBefore() {
        InFlightRequest admitted = tracker.admit(request("r1"));
        tracker.waitForRoute(admitted);

        clock.advance(Duration.ofMillis(999));
        assertThat(tracker.due()).isEmpty();

        clock.advance(Duration.ofMillis(1));
        assertThat(tracker.due()).containsExactly(admitted);
    }

    @Test
    void theAttemptDeadlineNeverPassesTheRequestsDeadline() {
        InFlightRequest admitted = tracker.admit(new InferenceRequest("r1", Fixtures.CAPTIONS, Fixtures.input(),
                Duration.ofMillis(300), Origin.HTTP));

        assertThat(tracker.attemptDeadline(admitted)).isEqualTo(admitted.deadline());
        assertThat(admitted.deadline()).isEqualTo(Instant.parse("2026-11-27T10:00:00.300Z"));
    }

    @Test
    void awaitingCapacityReturnsAtOnceWhenTheAppHasRoomAndGivesUpWhenItStaysFull() throws InterruptedException {
        assertThat(tracker.awaitCapacity("captions", Duration.ZERO)).isTrue();
        tracker.admit(request("r1"));
        tracker.admit(request("r2"));

        assertThat(tracker.awaitCapacity("captions", Duration.ofMillis(1))).isFalse();
    }

    private static InferenceCompleted completed(String requestId) {
        return new InferenceCompleted(requestId, "kws20", "captions", 1, Fixtures.output());
    }

}
