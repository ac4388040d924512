package io.synergy.planner.application;

import io.synergy.contracts.app.AppDeployed;
import io.synergy.contracts.plan.PlanSetPublished;
import io.synergy.contracts.plan.UnplacedApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReplanningTest {

    private static final Duration DEBOUNCE = Duration.ofMillis(20);

    private final SpaceInputs inputs = new SpaceInputs(5, new BatteryPolicy(15, 20));
    private final List<PlanSetPublished> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger runs = new AtomicInteger();
    /** Lists every app as unplaced, with the device count as reason: enough to tell inputs apart. */
    private final PlanComputation computation = snapshot -> {
        runs.incrementAndGet();
        return new PlanOutcome("test", List.of(), snapshot.apps().stream()
                .map(app -> new UnplacedApp(app.appId(), snapshot.devices().size() + " devices")).toList());
    };
    private Replanning replanning;

    @AfterEach
    void stop() {
        replanning.close();
    }

    @Test
    void publishesTheFirstPlanSetWithEpochOne() {
        replanning = new Replanning(inputs, computation, published::add, DEBOUNCE, null);
        replanning.release();

        change(() -> inputs.apply(new AppDeployed("digits", "mnist", "camera", "display", 0)));

        await().atMost(Duration.ofSeconds(10)).until(() -> published.size() == 1);
        assertThat(published.get(0).epoch()).isEqualTo(1);
        assertThat(replanning.current()).contains(published.get(0));
    }

    @Test
    void continuesTheEpochsOfTheRecoveredPlanSet() {
        PlanSetPublished recovered = new PlanSetPublished(41, "test", List.of(), List.of(new UnplacedApp("old", "gone")));
        replanning = new Replanning(inputs, computation, published::add, DEBOUNCE, recovered);
        replanning.release();

        change(() -> inputs.apply(new AppDeployed("digits", "mnist", "camera", "display", 0)));

        await().atMost(Duration.ofSeconds(10)).until(() -> published.size() == 1);
        assertThat(published.get(0).epoch()).isEqualTo(42);
    }

    @Test
    void holdsChangesUntilReleasedThenPlansThemOnce() {
        replanning = new Replanning(inputs, computation, published::add, DEBOUNCE, null);
        change(() -> inputs.apply(new AppDeployed("a", "mnist", "camera", "display", 0)));
        change(() -> inputs.apply(Fleet.announced("glasses-1", "camera")));

        assertThat(runs.get()).isZero();
        replanning.release();

        await().atMost(Duration.ofSeconds(10)).until(() -> published.size() == 1);
        assertThat(published.get(0).unplaced()).containsExactly(new UnplacedApp("a", "1 devices"));
    }

    @Test
    void doesNotPublishAnOutcomeEqualToTheCurrentPlanSet() {
        replanning = new Replanning(inputs, computation, published::add, DEBOUNCE, null);
        replanning.release();
        change(() -> inputs.apply(new AppDeployed("a", "mnist", "camera", "display", 0)));
        await().atMost(Duration.ofSeconds(10)).until(() -> published.size() == 1);

        // a device that comes and goes changes the inputs' version but not this computation's outcome
        int before = runs.get();
        change(() -> inputs.apply(Fleet.announced("ring-1")) & inputs.forgetDevice("ring-1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() > before);

        assertThat(published).hasSize(1);
    }

    @Test
    void retriesAFailedPublishUnderTheSameEpoch() {
        AtomicInteger attempts = new AtomicInteger();
        PlanSink flaky = planSet -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("broker away");
            }
            published.add(planSet);
        };
        replanning = new Replanning(inputs, computation, flaky, DEBOUNCE, null);
        replanning.release();

        change(() -> inputs.apply(new AppDeployed("a", "mnist", "camera", "display", 0)));

        await().atMost(Duration.ofSeconds(10)).until(() -> published.size() == 1);
        assertThat(published.get(0).epoch()).isEqualTo(1);
    }

    private void change(java.util.function.BooleanSupplier change) {
        if (change.getAsBoolean()) {
            replanning.changed();
        }
    }
}
