package io.synergy.gateway.telemetry;

import io.opentelemetry.sdk.trace.data.SpanData;
import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.header.Dispatch;
import io.synergy.contracts.header.Route;
import io.synergy.contracts.header.TraceParent;
import io.synergy.contracts.tensor.TensorDatatype;
import io.synergy.contracts.tensor.TensorDescriptor;
import io.synergy.testkit.tracing.InMemoryTracing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StageTracingTest {

    private static final TraceParent EXECUTOR = new TraceParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "01");

    private final InMemoryTracing tracing = new InMemoryTracing();
    private final StageTracing stages = new StageTracing(tracing.propagator(), 3);

    @AfterEach
    void close() {
        tracing.close();
    }

    @Test
    void aStageSpanIsAChildOfTheIncomingTraceparentAndBecomesTheActivationsTraceContext() {
        ActivationHeaders traced = stages.opened(activation("r1", EXECUTOR));

        assertThat(traced.trace()).hasValueSatisfying(own -> {
            assertThat(own.traceId()).isEqualTo(EXECUTOR.traceId());
            assertThat(own.parentSpanId()).isNotEqualTo(EXECUTOR.parentSpanId());
        });
        assertThat(stages.ended("r1", "forwarded")).isEqualTo(traced.trace());
        SpanData span = tracing.endedSpans().get(0);
        assertThat(span.getName()).isEqualTo("synergy.stage");
        assertThat(span.getParentSpanId()).isEqualTo(EXECUTOR.parentSpanId());
        assertThat(span.getAttributes().asMap().toString()).contains("synergy.device=earbud-1", "synergy.outcome=forwarded");
    }

    @Test
    void anActivationWithoutTraceContextStartsANewTrace() {
        ActivationHeaders traced = stages.opened(activation("r1", null));

        assertThat(traced.trace()).isPresent();
        stages.ended("r1", "completed");
        assertThat(tracing.endedSpans().get(0).getParentSpanContext().isValid()).isFalse();
    }

    @Test
    void holdsAtMostItsCapacityOfOpenSpansAbandoningTheOldestRequests() {
        for (String requestId : List.of("r1", "r2", "r3", "r4")) {
            stages.opened(activation(requestId, EXECUTOR));
        }

        assertThat(stages.openSpans()).isEqualTo(3);
        assertThat(stages.ended("r1", "completed")).isEmpty();
        assertThat(stages.ended("r4", "completed")).isPresent();
        assertThat(tracing.endedSpans()).as("an abandoned span is never exported").hasSize(1);
    }

    @Test
    void twoAttemptsOfOneRequestInTheGatewayEachEndTheirOwnSpanOldestFirst() {
        ActivationHeaders first = stages.opened(activation("r1", EXECUTOR));
        ActivationHeaders second = stages.opened(activation("r1", EXECUTOR));

        assertThat(stages.ended("r1", "completed")).isEqualTo(first.trace());
        assertThat(stages.ended("r1", "completed")).isEqualTo(second.trace());
        assertThat(stages.ended("r1", "completed")).isEmpty();
        assertThat(tracing.endedSpans()).hasSize(2);
    }

    @Test
    void withTracingOffAnActivationKeepsTheContextItCameWith() {
        assertThat(StageTracing.disabled().opened(activation("r1", EXECUTOR)).trace()).contains(EXECUTOR);
    }

    private static ActivationHeaders activation(String requestId, TraceParent trace) {
        return new ActivationHeaders(new Dispatch(requestId, "captions", 3,
                Route.parse("gw-head/earbud-1:0-5;gw-hub/phone-1:5-9"), Instant.parse("2026-11-27T10:00:00Z")), 0,
                TensorDescriptor.of(TensorDatatype.INT8, 1, 128, 128), trace);
    }
}
