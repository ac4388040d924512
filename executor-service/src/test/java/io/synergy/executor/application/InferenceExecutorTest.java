package io.synergy.executor.application;

import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.inference.FailureCode;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.InferenceFailed;
import io.synergy.contracts.inference.InferenceResultEvent;
import io.synergy.contracts.inference.StageRejected;
import io.synergy.contracts.inference.StageRejection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.synergy.executor.application.Fixtures.EARBUD;
import static io.synergy.executor.application.Fixtures.PHONE;
import static io.synergy.executor.application.Fixtures.WATCH;
import static io.synergy.executor.application.Fixtures.plan;
import static io.synergy.executor.application.Fixtures.planSet;
import static io.synergy.executor.application.Fixtures.request;
import static io.synergy.executor.application.Fixtures.segment;
import static io.synergy.executor.application.Fixtures.splitCaptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InferenceExecutorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final ServingCatalog catalog = new ServingCatalog();
    private final InFlightTracker tracker = new InFlightTracker(Fixtures.POLICY, clock);
    private final List<Sent> sent = new ArrayList<>();
    private final InferenceExecutor executor = new InferenceExecutor(catalog, tracker,
            (headers, bytes) -> sent.add(new Sent(headers, bytes)));

    record Sent(ActivationHeaders headers, byte[] bytes) {
    }

    @BeforeEach
    void deployCaptions() {
        catalog.appDeployed(Fixtures.captionsApp());
        executor.planSetArrived(splitCaptions(7));
    }

    @Test
    void stampsTheCurrentEpochAndRouteAndSendsTheInputToTheFirstStagesGateway() {
        executor.submit(request("r1"));

        assertThat(sent).hasSize(1);
        ActivationHeaders headers = sent.get(0).headers();
        assertThat(headers.topicName()).isEqualTo("synergy.activations.gw-head");
        assertThat(headers.stageIndex()).isZero();
        assertThat(headers.dispatch().epoch()).isEqualTo(7);
        assertThat(headers.dispatch().appId()).isEqualTo("captions");
        assertThat(headers.dispatch().route().text()).isEqualTo("gw-head/earbud-1:0-5;gw-hub/phone-1:5-9");
        assertThat(headers.dispatch().deadline()).isEqualTo(clock.instant().plus(Duration.ofSeconds(1)));
        assertThat(headers.tensor()).isEqualTo(Fixtures.input().descriptor());
        assertThat(sent.get(0).bytes()).isEqualTo(Fixtures.input().toBytes());
    }

    @Test
    void completesOnTheFirstResultAndDropsTheDuplicate() {
        CompletableFuture<InferenceResultEvent> outcome = executor.submit(request("r1"));
        InferenceCompleted result = new InferenceCompleted("r1", "kws20", "captions", 7, Fixtures.output());

        executor.resultArrived(result);
        executor.resultArrived(new InferenceCompleted("r1", "kws20", "captions", 7, Fixtures.output()));

        assertThat(outcome).isCompletedWithValue(result);
        assertThat(tracker.droppedResults()).isEqualTo(1);
    }

    @Test
    void redispatchesUnderTheCurrentPlanWhenTheDispatchTimesOut() {
        executor.submit(request("r1"));
        executor.planSetArrived(planSet(8, plan("captions", segment(0, 5, EARBUD), segment(5, 9, PHONE, WATCH))));
        assertThat(sent).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        executor.sweep();

        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).headers().dispatch().epoch()).isEqualTo(8);
        assertThat(sent.get(1).headers().dispatch().requestId()).isEqualTo("r1");
        assertThat(executor.dispatches()).isEqualTo(1);
        assertThat(executor.redispatches()).isEqualTo(1);
    }

    @Test
    void redispatchesAtOnceWhenANewEpochNoLongerHoldsTheStage() {
        executor.submit(request("r1"));

        executor.planSetArrived(planSet(8, plan("captions", segment(0, 5, EARBUD), segment(5, 9, WATCH))));

        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).headers().dispatch().epoch()).isEqualTo(8);
        assertThat(sent.get(1).headers().dispatch().route().text()).isEqualTo("gw-head/earbud-1:0-5;gw-hub/watch-1:5-9");
    }

    @Test
    void leavesRequestsAloneWhoseStagesTheNewEpochStillHolds() {
        executor.submit(request("r1"));

        executor.planSetArrived(planSet(8, plan("captions", segment(0, 5, EARBUD), segment(5, 9, PHONE, WATCH))));

        assertThat(sent).hasSize(1);
    }

    @Test
    void ignoresAPlanSetOfAnOlderEpoch() {
        executor.submit(request("r1"));

        executor.planSetArrived(planSet(6, plan("captions", segment(0, 9, WATCH))));
        executor.submit(request("r2"));

        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).headers().dispatch().epoch()).isEqualTo(7);
    }

    @Test
    void aStageRejectedOnceTooOftenEndsTheRequestAsAFailureNamingTheDeviceNeverAsTheRejection() {
        CompletableFuture<InferenceResultEvent> outcome = executor.submit(request("r1"));
        for (int rejection = 1; rejection < Fixtures.POLICY.maxRejections(); rejection++) {
            executor.resultArrived(new StageRejected("r1", "captions", 7, 0, "phone-1", StageRejection.SEGMENT_NOT_LOADED, 7,
                    "device phone-1 is loading"));
            assertThat(outcome).isNotDone();
        }
        assertThat(sent).hasSize(Fixtures.POLICY.maxRejections());

        executor.resultArrived(new StageRejected("r1", "captions", 7, 0, "phone-1", StageRejection.UNKNOWN_DEVICE, 7,
                "device phone-1 left the fleet"));

        assertThat(outcome).isCompleted();
        assertThat(outcome.join()).isInstanceOfSatisfying(InferenceFailed.class, failed -> {
            assertThat(failed.code()).isEqualTo(FailureCode.DEADLINE_EXCEEDED);
            assertThat(failed.message()).contains("phone-1", "UNKNOWN_DEVICE", "device phone-1 left the fleet");
        });
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void aStageRejectedByADeviceAheadOfTheExecutorsPlanWaitsForThatPlanWithoutSpendingARejection() {
        CompletableFuture<InferenceResultEvent> outcome = executor.submit(request("r1"));
        for (int bounce = 0; bounce < 2 * Fixtures.POLICY.maxRejections(); bounce++) {
            executor.resultArrived(new StageRejected("r1", "captions", 7, 0, "earbud-1", StageRejection.STALE_EPOCH, 8,
                    "device earbud-1 holds epoch 8"));
        }
        assertThat(outcome).isNotDone();
        assertThat(sent).hasSize(1);

        executor.planSetArrived(planSet(8, plan("captions", segment(0, 9, WATCH))));

        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).headers().dispatch().epoch()).isEqualTo(8);
        assertThat(outcome).isNotDone();
    }

    @Test
    void aStageRejectedAsStaleWhenTheExecutorAlreadyHasTheNewerPlanIsSentAgainAtOnceUnderIt() {
        CompletableFuture<InferenceResultEvent> outcome = executor.submit(request("r1"));
        executor.planSetArrived(planSet(8, plan("captions", segment(0, 5, EARBUD), segment(5, 9, PHONE, WATCH))));
        assertThat(sent).hasSize(1);

        executor.resultArrived(new StageRejected("r1", "captions", 7, 0, "earbud-1", StageRejection.STALE_EPOCH, 8,
                "device earbud-1 holds epoch 8"));

        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).headers().dispatch().epoch()).isEqualTo(8);
        assertThat(outcome).isNotDone();
    }

    @Test
    void unansweredDispatchesCostOnlyTimeSoARequestOutlastsASilentDeviceUntilItsDeadline() {
        // dispatch timeout 1 s, request timeout 10 s: ten unanswered dispatches, far more than maxRejections
        CompletableFuture<InferenceResultEvent> outcome = executor.submit(request("r1"));
        for (int second = 1; second < 10; second++) {
            clock.advance(Duration.ofSeconds(1));
            executor.sweep();
        }
        assertThat(sent).hasSize(10);
        assertThat(outcome).isNotDone();

        clock.advance(Duration.ofSeconds(1));
        executor.sweep();

        assertThat(outcome.join()).isInstanceOfSatisfying(InferenceFailed.class, failed -> {
            assertThat(failed.code()).isEqualTo(FailureCode.DEADLINE_EXCEEDED);
            assertThat(failed.message()).contains("10 dispatch(es)");
        });
        assertThat(executor.deadlinesExceeded()).isEqualTo(1);
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void redispatchesAfterAFailureEventFromAGateway() {
        CompletableFuture<InferenceResultEvent> outcome = executor.submit(request("r1"));

        executor.resultArrived(new InferenceFailed("r1", "kws20", FailureCode.INTERNAL, "device phone-1 left"));

        assertThat(sent).hasSize(2);
        assertThat(outcome).isNotDone();
    }

    @Test
    void waitsForARouteWhileTheAppIsUnplacedAndTakesItAsSoonAsAPlanArrives() {
        CompletableFuture<InferenceResultEvent> outcome = executor.submit(request("r1"));
        executor.planSetArrived(planSet(8));
        assertThat(sent).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        executor.sweep();
        assertThat(sent).hasSize(1);
        executor.planSetArrived(splitCaptions(9));

        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).headers().dispatch().epoch()).isEqualTo(9);
        assertThat(outcome).isNotDone();
    }

    @Test
    void refusesAnAppTheCurrentPlanSetLeavesUnplaced() {
        executor.planSetArrived(planSet(8));

        assertThatThrownBy(() -> executor.submit(request("r1"))).isInstanceOf(NotServableException.class)
                .hasMessageContaining("epoch 8").hasMessageContaining("captions");
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void aKafkaRequestForAnUnplacedAppWaitsForAPlanWithoutSpendingAttempts() {
        executor.planSetArrived(planSet(8));
        CompletableFuture<InferenceResultEvent> outcome = executor.submit(
                new InferenceRequest("k1", Fixtures.request("k1").app(), Fixtures.input(), null, Origin.KAFKA));
        clock.advance(Duration.ofSeconds(2));
        executor.sweep();
        assertThat(sent).isEmpty();

        executor.planSetArrived(splitCaptions(9));

        assertThat(sent).singleElement().satisfies(s -> assertThat(s.headers().dispatch().epoch()).isEqualTo(9));
        assertThat(outcome).isNotDone();
    }

    @Test
    void spreadsRequestsOverTheReplicasOfASegment() {
        executor.planSetArrived(planSet(8, plan("captions", segment(0, 5, EARBUD), segment(5, 9, PHONE, WATCH))));

        executor.submit(request("r1"));
        executor.submit(request("r2"));

        assertThat(sent).extracting(s -> s.headers().dispatch().route().stage(1).deviceId())
                .containsExactlyInAnyOrder("phone-1", "watch-1");
    }
}
