package io.synergy.gateway.telemetry;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.propagation.Propagator;
import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.header.Header;
import io.synergy.contracts.header.TraceParent;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One span per stage this gateway serves ({@code synergy.stage}): opened when the activation is taken
 * off the topic, as a child of the {@code traceparent} it carries (a new trace without one), and ended
 * when the stage's output leaves the gateway (forwarded, completed or rejected). The span's own context
 * becomes the activation's trace context, so the next stage's activation and the result carry it on.
 *
 * <p>Open spans are held by request id (a re-dispatched request can have two attempts in the gateway
 * at once), at most {@code capacity} of them: a stage that never ends here (its device left with it
 * queued) is abandoned when the oldest requests make room, never exported.
 */
public final class StageTracing {

    private final Propagator propagator;
    private final int capacity;
    /** Open stage spans per request id, oldest first: attempts of one request end in the order they came. */
    private final Map<String, ArrayDeque<Span>> open = new LinkedHashMap<>();
    private int openCount;

    /** @param propagator reads and writes {@code traceparent}; its extracted builders create the spans */
    public StageTracing(Propagator propagator, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: must be >= 1, got " + capacity);
        }
        this.propagator = propagator;
        this.capacity = capacity;
    }

    /** Opens the stage's span; returns the headers with the span as their trace context. */
    public ActivationHeaders opened(ActivationHeaders incoming) {
        Map<String, String> carrier = new HashMap<>(2);
        incoming.trace().ifPresent(parent -> carrier.put(Header.TRACE_PARENT.headerName(), parent.text()));
        Span span = propagator.extract(carrier, Map::get).name("synergy.stage").kind(Span.Kind.CONSUMER)
                .tag("synergy.request.id", incoming.dispatch().requestId())
                .tag("synergy.app", incoming.dispatch().appId())
                .tag("synergy.epoch", incoming.dispatch().epoch())
                .tag("synergy.stage.index", incoming.stageIndex())
                .tag("synergy.device", incoming.stage().deviceId())
                .start();
        synchronized (open) {
            open.computeIfAbsent(incoming.dispatch().requestId(), id -> new ArrayDeque<>(1)).addLast(span);
            openCount++;
            evictBeyondCapacity();
        }
        // without a recording tracer (tracing off) the activation keeps the context it came with
        return incoming.withTraceParent(traceParentOf(span).orElse(incoming.traceParent()));
    }

    /**
     * Ends the oldest open stage span of the request, tagged with {@code outcome}. Call it before the
     * outcome is sent: when the next stage runs on this gateway too, its span opens under the same request id.
     *
     * @return its trace context, to write on the record the stage's outcome goes out with
     */
    public Optional<TraceParent> ended(String requestId, String outcome) {
        Span span;
        synchronized (open) {
            ArrayDeque<Span> spans = open.get(requestId);
            if (spans == null) {
                return Optional.empty();
            }
            span = spans.pollFirst();
            openCount--;
            if (spans.isEmpty()) {
                open.remove(requestId);
            }
        }
        span.tag("synergy.outcome", outcome).end();
        return traceParentOf(span);
    }

    /** Under the lock: abandons the oldest requests' spans until at most {@code capacity} are open. */
    private void evictBeyondCapacity() {
        var requests = open.values().iterator();
        while (openCount > capacity && requests.hasNext()) {
            ArrayDeque<Span> spans = requests.next();
            openCount -= spans.size();
            spans.forEach(Span::abandon);
            requests.remove();
        }
    }

    /** Spans open now (for tests and the gauge of stages in the gateway). */
    public int openSpans() {
        synchronized (open) {
            return openCount;
        }
    }

    private Optional<TraceParent> traceParentOf(Span span) {
        Map<String, String> carrier = new HashMap<>(2);
        propagator.inject(span.context(), carrier, Map::put);
        return TraceParent.parse(carrier.get(Header.TRACE_PARENT.headerName()));
    }

    /** Tracing off: no spans; activations keep the trace context they came with. */
    public static StageTracing disabled() {
        return new StageTracing(Propagator.NOOP, 1);
    }
}
