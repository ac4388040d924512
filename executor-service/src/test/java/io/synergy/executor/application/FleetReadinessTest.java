package io.synergy.executor.application;

import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.inference.InferenceResultEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.synergy.executor.application.Fixtures.request;
import static io.synergy.executor.application.Fixtures.splitCaptions;
import static org.assertj.core.api.Assertions.assertThat;

/** An executor that waits for the route's devices to load an epoch before it dispatches under it. */
class FleetReadinessTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final ServingCatalog catalog = new ServingCatalog();
    private final InFlightTracker tracker = new InFlightTracker(Fixtures.POLICY, clock);
    private final FleetReadiness readiness = new FleetReadiness();
    private final List<ActivationHeaders> sent = new ArrayList<>();
    private final InferenceExecutor executor = new InferenceExecutor(catalog, tracker, (headers, bytes) -> sent.add(headers),
            readiness, RequestTelemetry.NONE);

    @BeforeEach
    void deployCaptions() {
        catalog.appDeployed(Fixtures.captionsApp());
        executor.planSetArrived(splitCaptions(7));
    }

    @Test
    void holdsARequestWithoutSpendingAnAttemptUntilEveryDeviceOfItsRouteHasLoadedTheEpoch() {
        readiness.reported("earbud-1", 7);
        readiness.reported("phone-1", 6);

        CompletableFuture<InferenceResultEvent> outcome = executor.submit(request("r1"));
        assertThat(sent).as("phone-1 still holds epoch 6").isEmpty();

        readiness.reported("phone-1", 7);
        executor.devicesChanged();

        assertThat(sent).singleElement().satisfies(headers -> assertThat(headers.dispatch().epoch()).isEqualTo(7));
        assertThat(tracker.find("r1").orElseThrow().attempts()).isEqualTo(1);
        assertThat(outcome).isNotDone();
    }

    @Test
    void aDeviceThatLeftHoldsNothingSoItsRouteWaitsForTheNextPlan() {
        readiness.reported("earbud-1", 7);
        readiness.reported("phone-1", 7);
        readiness.gone("phone-1");

        executor.submit(request("r1"));
        clock.advance(Duration.ofSeconds(1));
        executor.sweep();

        assertThat(sent).isEmpty();
        assertThat(tracker.find("r1")).isPresent();
    }

    @Test
    void aRestartedDeviceReportingAnOlderEpochIsNotReadyForTheNewerOne() {
        readiness.reported("earbud-1", 7);
        readiness.reported("phone-1", 7);
        readiness.reported("phone-1", 0); // its gateway restarted and has not loaded yet

        executor.submit(request("r1"));

        assertThat(sent).isEmpty();
    }
}
