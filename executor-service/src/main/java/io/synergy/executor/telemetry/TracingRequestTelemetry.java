package io.synergy.executor.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.synergy.contracts.header.Header;
import io.synergy.contracts.header.TraceParent;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.InferenceFailed;
import io.synergy.contracts.inference.InferenceResultEvent;
import io.synergy.executor.application.InferenceRequest;
import io.synergy.executor.application.RequestTelemetry;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One span per admitted request ({@code synergy.inference}, a child of the caller's span when there is
 * one on the admitting thread) whose context rides on every dispatch as the {@code traceparent} header,
 * and the request's latency from admission to outcome as {@code synergy.inference.latency}, tagged by
 * app and outcome (its count is the app's throughput).
 */
public final class TracingRequestTelemetry implements RequestTelemetry {

    static final String LATENCY = "synergy.inference.latency";

    private final Tracer tracer;
    private final Propagator propagator;
    private final MeterRegistry meters;

    public TracingRequestTelemetry(Tracer tracer, Propagator propagator, MeterRegistry meters) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.meters = meters;
    }

    @Override
    public RequestTrace admitted(InferenceRequest request) {
        Span span = tracer.nextSpan().name("synergy.inference")
                .tag("synergy.app", request.app().appId())
                .tag("synergy.model", request.app().modelName())
                .tag("synergy.request.id", request.requestId())
                .start();
        Map<String, String> carrier = new HashMap<>(2);
        propagator.inject(span.context(), carrier, Map::put);
        TraceParent parent = TraceParent.parse(carrier.get(Header.TRACE_PARENT.headerName())).orElse(null);
        Timer.Sample sample = Timer.start(meters);
        String appId = request.app().appId();
        return new RequestTrace() {
            @Override
            public TraceParent traceParent() {
                return parent;
            }

            @Override
            public void finished(InferenceResultEvent outcome, Throwable error) {
                String name = outcomeName(outcome, error);
                sample.stop(Timer.builder(LATENCY)
                        .description("inference requests from admission to outcome; the count is the app's throughput")
                        .tag("app", appId).tag("outcome", name).register(meters));
                span.tag("synergy.outcome", name);
                if (error != null) {
                    span.error(error);
                }
                span.end();
            }
        };
    }

    /** {@code completed}, the failure code in lower case, or {@code error} for a future that failed. */
    static String outcomeName(InferenceResultEvent outcome, Throwable error) {
        if (error != null || outcome == null) {
            return "error";
        }
        if (outcome instanceof InferenceCompleted) {
            return "completed";
        }
        if (outcome instanceof InferenceFailed) {
            return ((InferenceFailed) outcome).code().name().toLowerCase(Locale.ROOT);
        }
        return "rejected";
    }
}
