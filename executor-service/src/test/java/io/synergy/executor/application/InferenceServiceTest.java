package io.synergy.executor.application;

import io.synergy.contracts.inference.FailureCode;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.InferenceFailed;
import io.synergy.contracts.inference.InferenceRequested;
import io.synergy.contracts.inference.InferenceResultEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Admission of requests from synergy.inference.requests: what is answered on the results topic, and when. */
class InferenceServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final ServingCatalog catalog = new ServingCatalog();
    private final AnsweredRequests answered = new AnsweredRequests(100);
    private final InFlightTracker tracker = new InFlightTracker(Fixtures.POLICY, clock);
    private final InferenceExecutor executor = new InferenceExecutor(catalog, tracker, (headers, bytes) -> { });
    private final InferenceService service = new InferenceService(catalog, tracker, executor, answered,
            new ServingStats(clock, Duration.ofSeconds(10), 100));
    private final List<InferenceResultEvent> published = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void serveCaptions() {
        catalog.appDeployed(Fixtures.captionsApp());
        catalog.modelRegistered("kws20", Fixtures.KWS20);
        executor.planSetArrived(Fixtures.splitCaptions(7));
    }

    @Test
    void answersAnUnknownModelOnTheResultsTopic() throws InterruptedException {
        service.inferFromKafka(new InferenceRequested("k1", "nosuch", Fixtures.input(), 0), Duration.ZERO, published::add);

        assertThat(published).singleElement().isInstanceOfSatisfying(InferenceFailed.class, failed -> {
            assertThat(failed.requestId()).isEqualTo("k1");
            assertThat(((InferenceFailed) failed).code()).isEqualTo(FailureCode.UNKNOWN_MODEL);
        });
    }

    @Test
    void answersAnInputOfTheWrongShapeAsInvalidInput() throws InterruptedException {
        service.inferFromKafka(new InferenceRequested("k1", "kws20", Fixtures.output(), 0), Duration.ZERO, published::add);

        assertThat(published).singleElement().isInstanceOfSatisfying(InferenceFailed.class,
                failed -> assertThat(failed.code()).isEqualTo(FailureCode.INVALID_INPUT));
    }

    @Test
    void publishesTheFirstCompletionOnceAndDropsALaterOne() throws InterruptedException {
        CompletableFuture<Void> done = service.inferFromKafka(new InferenceRequested("k1", "kws20", Fixtures.input(), 0),
                Duration.ZERO, published::add);
        assertThat(done).as("not acknowledged before its outcome is written").isNotDone();

        executor.resultArrived(new InferenceCompleted("k1", "kws20", "captions", 7, Fixtures.output()));
        executor.resultArrived(new InferenceCompleted("k1", "kws20", "captions", 8, Fixtures.output()));

        assertThat(published).singleElement().isInstanceOfSatisfying(InferenceCompleted.class,
                completed -> assertThat(completed.epoch()).isEqualTo(7));
        assertThat(done).isCompleted();
        assertThat(tracker.inFlight()).isZero();
        assertThat(tracker.droppedResults()).isEqualTo(1);
    }

    @Test
    void aRequestDeliveredAgainAfterItsOutcomeWasWrittenIsNotRunOrAnsweredAgain() throws InterruptedException {
        answered.answered("k1");

        CompletableFuture<Void> done = service.inferFromKafka(new InferenceRequested("k1", "kws20", Fixtures.input(), 0),
                Duration.ZERO, published::add);

        assertThat(done).isCompleted();
        assertThat(published).isEmpty();
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void anOutcomeThatCannotBeWrittenLeavesTheRequestUnacknowledged() throws InterruptedException {
        CompletableFuture<Void> done = service.inferFromKafka(new InferenceRequested("k1", "kws20", Fixtures.input(), 0),
                Duration.ZERO, outcome -> {
                    throw new IllegalStateException("results: broker down");
                });

        executor.resultArrived(new InferenceCompleted("k1", "kws20", "captions", 7, Fixtures.output()));

        assertThat(done).isCompletedExceptionally();
        assertThat(answered.contains("k1")).isFalse();
    }

    @Test
    void publishesTheFailureOfARequestThatRanOutOfTime() throws InterruptedException {
        service.inferFromKafka(new InferenceRequested("k1", "kws20", Fixtures.input(), 0), Duration.ZERO, published::add);

        // one unanswered 1 s dispatch after another until the 10 s default timeout
        for (int sweep = 0; sweep < 10; sweep++) {
            clock.advance(Duration.ofSeconds(1));
            executor.sweep();
        }

        assertThat(published).singleElement().isInstanceOfSatisfying(InferenceFailed.class,
                failed -> assertThat(failed.code()).isEqualTo(FailureCode.DEADLINE_EXCEEDED));
    }

    @Test
    void answersARepeatedRequestIdOnlyOnceWhileItIsInFlight() throws InterruptedException {
        InferenceRequested request = new InferenceRequested("k1", "kws20", Fixtures.input(), 0);
        service.inferFromKafka(request, Duration.ZERO, published::add);
        service.inferFromKafka(request, Duration.ZERO, published::add);

        assertThat(published).isEmpty();
        assertThat(tracker.inFlight()).isEqualTo(1);
        assertThat(executor.dispatches()).isEqualTo(1);
    }

    @Test
    void writesTheFirstResultAgainForARepeatAfterCompletionWithoutRunningIt() throws InterruptedException {
        InferenceRequested request = new InferenceRequested("k1", "kws20", Fixtures.input(), 0);
        service.inferFromKafka(request, Duration.ZERO, published::add);
        InferenceCompleted result = new InferenceCompleted("k1", "kws20", "captions", 7, Fixtures.output());
        executor.resultArrived(result);

        service.inferFromKafka(request, Duration.ZERO, published::add);

        assertThat(published).containsExactly(result);
        assertThat(executor.dispatches()).isEqualTo(1);
    }

    @Test
    void refusesATimeoutBeyondTheLimitNamingTheField() throws InterruptedException {
        service.inferFromKafka(new InferenceRequested("k1", "kws20", Fixtures.input(), 600_001), Duration.ZERO, published::add);

        assertThat(published).singleElement().satisfies(failed -> {
            assertThat(((InferenceFailed) failed).code()).isEqualTo(FailureCode.INVALID_INPUT);
            assertThat(((InferenceFailed) failed).message()).contains("timeoutMillis").contains("600000");
        });
    }

    @Test
    void aFullAppPausesConsumptionInsteadOfRefusingAndNothingIsLost() throws Exception {
        service.inferFromKafka(new InferenceRequested("k1", "kws20", Fixtures.input(), 0), Duration.ZERO, published::add);
        service.inferFromKafka(new InferenceRequested("k2", "kws20", Fixtures.input(), 0), Duration.ZERO, published::add);

        CompletableFuture<Void> consumer = CompletableFuture.runAsync(() -> {
            try {
                service.inferFromKafka(new InferenceRequested("k3", "kws20", Fixtures.input(), 0), Duration.ofMillis(5),
                        published::add);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // the consumer thread keeps waiting across many patiences, answering nothing
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (service.kafkaAdmissionWaits() < 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(service.kafkaAdmissionWaits()).isGreaterThanOrEqualTo(3);
        assertThat(consumer).isNotDone();
        assertThat(published).isEmpty();

        executor.resultArrived(new InferenceCompleted("k1", "kws20", "captions", 7, Fixtures.output()));
        consumer.get(30, TimeUnit.SECONDS);

        // k1's completion, written by the executor; k3 admitted in its place, nothing refused
        assertThat(published).singleElement().isInstanceOfSatisfying(InferenceCompleted.class,
                completed -> assertThat(completed.requestId()).isEqualTo("k1"));
        assertThat(tracker.find("k3")).isPresent();
        assertThat(executor.dispatches()).isEqualTo(3);
    }

    @Test
    void aWaitingKafkaRequestIsAdmittedAsSoonAsTheAppHasRoom() throws Exception {
        service.inferFromKafka(new InferenceRequested("k1", "kws20", Fixtures.input(), 0), Duration.ZERO, published::add);
        service.inferFromKafka(new InferenceRequested("k2", "kws20", Fixtures.input(), 0), Duration.ZERO, published::add);

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                service.inferFromKafka(new InferenceRequested("k3", "kws20", Fixtures.input(), 0), Duration.ofSeconds(30),
                        published::add);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        executor.resultArrived(new InferenceCompleted("k1", "kws20", "captions", 7, Fixtures.output()));
        waiting.get(30, TimeUnit.SECONDS);

        assertThat(published).extracting(InferenceResultEvent::requestId).containsExactly("k1");
        assertThat(tracker.find("k3")).isPresent();
    }
}
