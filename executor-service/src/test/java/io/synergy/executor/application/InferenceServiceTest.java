package io.synergy.executor.application;

import io.synergy.contracts.inference.FailureCode;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.InferenceFailed;
import io.synergy.contracts.inference.InferenceRequested;
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
    private final InFlightTracker tracker = new InFlightTracker(Fixtures.POLICY, clock);
    private final InferenceExecutor executor = new InferenceExecutor(catalog, tracker, (headers, bytes) -> { });
    private final InferenceService service = new InferenceService(catalog, tracker, executor,
            new ServingStats(clock, Duration.ofSeconds(10), 100));
    private final List<InferenceFailed> published = new ArrayList<>();

    @BeforeEach
    void serveCaptions() {
        catalog.appDeployed(Fixtures.captionsApp());
        catalog.modelRegistered("kws20", Fixtures.KWS20);
        executor.planSetArrived(Fixtures.splitCaptions(7));
    }

    @Test
    void answersAnUnknownModelOnTheResultsTopic() throws InterruptedException {
        service.inferFromKafka(new InferenceRequested("k1", "nosuch", Fixtures.input(), 0), Duration.ZERO, published::add);

        assertThat(published).singleElement().satisfies(failed -> {
            assertThat(failed.requestId()).isEqualTo("k1");
            assertThat(failed.code()).isEqualTo(FailureCode.UNKNOWN_MODEL);
        });
    }

    @Test
    void answersAnInputOfTheWrongShapeAsInvalidInput() throws InterruptedException {
        service.inferFromKafka(new InferenceRequested("k1", "kws20", Fixtures.output(), 0), Duration.ZERO, published::add);

        assertThat(published).singleElement().satisfies(failed -> assertThat(failed.code()).isEqualTo(FailureCode.INVALID_INPUT));
    }

    @Test
    void publishesNothingForACompletedRequestBecauseTheGatewayAlreadyDid() throws InterruptedException {
        service.inferFromKafka(new InferenceRequested("k1", "kws20", Fixtures.input(), 0), Duration.ZERO, published::add);

        executor.resultArrived(new InferenceCompleted("k1", "kws20", "captions", 7, Fixtures.output()));

        assertThat(published).isEmpty();
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void publishesTheFailureOfARequestThatRanOutOfAttempts() throws InterruptedException {
        service.inferFromKafka(new InferenceRequested("k1", "kws20", Fixtures.input(), 0), Duration.ZERO, published::add);

        for (int sweep = 0; sweep < 3; sweep++) {
            clock.advance(Duration.ofSeconds(1));
            executor.sweep();
        }

        assertThat(published).singleElement().satisfies(failed -> assertThat(failed.code()).isEqualTo(FailureCode.DEADLINE_EXCEEDED));
    }

    @Test
    void answersARepeatedRequestIdOnlyOnce() throws InterruptedException {
        InferenceRequested request = new InferenceRequested("k1", "kws20", Fixtures.input(), 0);
        service.inferFromKafka(request, Duration.ZERO, published::add);
        service.inferFromKafka(request, Duration.ZERO, published::add);

        assertThat(published).isEmpty();
        assertThat(tracker.inFlight()).isEqualTo(1);
    }

    @Test
    void answersOverloadedWhenTheAppStaysFullPastThePatience() throws InterruptedException {
        service.inferFromKafka(new InferenceRequested("k1", "kws20", Fixtures.input(), 0), Duration.ZERO, published::add);
        service.inferFromKafka(new InferenceRequested("k2", "kws20", Fixtures.input(), 0), Duration.ZERO, published::add);

        service.inferFromKafka(new InferenceRequested("k3", "kws20", Fixtures.input(), 0), Duration.ofMillis(1), published::add);

        assertThat(published).singleElement().satisfies(failed -> {
            assertThat(failed.requestId()).isEqualTo("k3");
            assertThat(failed.code()).isEqualTo(FailureCode.OVERLOADED);
        });
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

        assertThat(published).isEmpty();
        assertThat(tracker.find("k3")).isPresent();
    }
}
