package io.synergy.executor.application;

import io.synergy.contracts.header.TraceParent;
import io.synergy.contracts.inference.InferenceResultEvent;

/**
 * Follows each admitted request from admission to outcome: the service wires an implementation that
 * opens the request's trace and times it; the executor only asks for the trace context each dispatch
 * carries and says when the outcome is known.
 */
public interface RequestTelemetry {

    /** Records nothing; dispatches carry no trace context. */
    RequestTelemetry NONE = request -> RequestTrace.NONE;

    /** Called once per admitted request, before its first dispatch. */
    RequestTrace admitted(InferenceRequest request);

    /** What telemetry keeps for one request until its outcome. */
    interface RequestTrace {

        RequestTrace NONE = new RequestTrace() {
            @Override
            public TraceParent traceParent() {
                return null;
            }

            @Override
            public void finished(InferenceResultEvent outcome, Throwable error) {
            }
        };

        /** The trace context every dispatch of the request carries (re-dispatches too), or null. */
        TraceParent traceParent();

        /** The request's outcome: the first result or the failure that ended it (error: how the future failed). */
        void finished(InferenceResultEvent outcome, Throwable error);
    }
}
