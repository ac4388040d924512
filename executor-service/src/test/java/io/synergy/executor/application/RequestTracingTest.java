package io.synergy.executor.application;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.synergy.contracts.header.TraceParent;
import io.synergy.contracts.inference.FailureCode;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.executor.telemetry.TracingRequestTelemetry;
import io.synergy.testkit.tracing.InMemoryTracing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.synergy.executor.application.Fixtures.request;
import static io.synergy.executor.application.Fixtures.splitCaptions;
import static org.assertj.core.api.Assertions.assertThat;

/** The executor with a real OpenTelemetry tracer: one inference is one trace, however often it is dispatched. */
class RequestTracingTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final ServingCatalog catalog = new ServingCatalog();
    private final InFlightTracker tracker = new InFlightTracker(Fixtures.POLICY, clock);
    private final List<TraceParent> sent = new ArrayList<>();
    private final InMemoryTracing tracing = new InMemoryTracing();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final InferenceExecutor executor = new InferenceExecutor(catalog, tracker,
            (headers, bytes) -> sent.add(headers.trace().orElse(null)),
            new TracingRequestTelemetry(tracing.tracer(), tracing.propagator(), meters));

    @BeforeEach
    void deployCaptions() {
        catalog.appDeployed(Fixtures.captionsApp());
        executor.planSetArrived(splitCaptions(7));
    }

    @AfterEach
    void closeTracing() {
        tracing.close();
    }

    @Test
    void everyDispatchOfARequestCarriesTheTraceOfItsOneInferenceSpanRedispatchesToo() {
        executor.submit(request("r1"));
        clock.advance(Duration.ofSeconds(1));
        executor.sweep();

        assertThat(sent).hasSize(2).doesNotContainNull();
        assertThat(sent.get(1)).isEqualTo(sent.get(0));
        assertThat(sent.get(0).sampled()).isTrue();
        assertThat(tracing.endedSpans()).as("the inference span is open until the outcome").isEmpty();
    }

    @Test
    void twoRequestsAreTwoTraces() {
        executor.submit(request("r1"));
        executor.submit(request("r2"));

        assertThat(sent.get(0).traceId()).isNotEqualTo(sent.get(1).traceId());
    }

    @Test
    void theInferenceSpanEndsWithTheOutcomeAndItsLatencyIsCountedPerAppAndOutcome() {
        executor.submit(request("r1"));
        executor.resultArrived(new InferenceCompleted("r1", "kws20", "captions", 7, Fixtures.output()));

        List<SpanData> spans = tracing.endedSpans();
        assertThat(spans).hasSize(1);
        SpanData span = spans.get(0);
        assertThat(span.getName()).isEqualTo("synergy.inference");
        assertThat(span.getTraceId()).isEqualTo(sent.get(0).traceId());
        assertThat(span.getSpanId()).isEqualTo(sent.get(0).parentSpanId());
        assertThat(span.getAttributes().asMap().toString()).contains("synergy.request.id=r1", "synergy.app=captions",
                "synergy.outcome=completed");
        Timer latency = meters.get("synergy.inference.latency").tags("app", "captions", "outcome", "completed").timer();
        assertThat(latency.count()).isEqualTo(1);
    }

    @Test
    void aRequestThatRunsOutOfTimeEndsItsSpanWithTheFailureCode() {
        executor.submit(request("r1"));
        for (int sweep = 0; sweep < 10; sweep++) {
            clock.advance(Duration.ofSeconds(1));
            executor.sweep();
        }

        assertThat(tracing.endedSpans()).singleElement().satisfies(span -> assertThat(
                span.getAttributes().asMap().toString()).contains("synergy.outcome="
                + FailureCode.DEADLINE_EXCEEDED.name().toLowerCase()));
        assertThat(meters.get("synergy.inference.latency").tags("outcome", "deadline_exceeded").timer().count())
                .isEqualTo(1);
    }
}
