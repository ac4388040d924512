package io.synergy.contracts.header;

import io.synergy.contracts.envelope.MalformedMessageException;
import io.synergy.contracts.envelope.SchemaVersion;
import io.synergy.contracts.tensor.TensorDatatype;
import io.synergy.contracts.tensor.TensorDescriptor;
import io.synergy.contracts.topic.Topic;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The headers of a record on {@code synergy.activations.<gatewayId>}. Its key is the request id and
 * its value the raw tensor bytes ({@link io.synergy.contracts.tensor.WireTensor#toBytes()} layout)
 * entering stage {@code stageIndex} of the route.
 *
 * @param dispatch    the request's dispatch, unchanged from stage to stage
 * @param stageIndex  the stage this activation enters (0-based)
 * @param tensor      what the value bytes hold
 * @param traceParent the trace context of the hop that wrote the activation, or null when it was not traced
 */
public record ActivationHeaders(Dispatch dispatch, int stageIndex, TensorDescriptor tensor, TraceParent traceParent) {

    /** An activation without trace context. */
    public ActivationHeaders(Dispatch dispatch, int stageIndex, TensorDescriptor tensor) {
        this(dispatch, stageIndex, tensor, null);
    }

    public ActivationHeaders {
        if (dispatch == null) {
            throw new IllegalArgumentException("dispatch: required, got null");
        }
        dispatch.route().stage(stageIndex);
        if (tensor == null) {
            throw new IllegalArgumentException("tensor: required, got null");
        }
    }

    /** The stage this activation enters. */
    public RouteStage stage() {
        return dispatch.route().stage(stageIndex);
    }

    /** The topic this activation goes to: its stage's gateway. */
    public String topicName() {
        return Topic.activationsOf(stage().gatewayId());
    }

    public boolean lastStage() {
        return stageIndex == dispatch.route().size() - 1;
    }

    /**
     * The headers of this stage's output as it enters the next stage.
     *
     * @throws IllegalStateException after the last stage (its output is a result, not an activation)
     */
    public ActivationHeaders next(TensorDescriptor output) {
        if (lastStage()) {
            throw new IllegalStateException("stageIndex: stage " + stageIndex
                    + " is the last of the route; its output goes to " + Topic.STAGE_OUTCOMES.topicName());
        }
        return new ActivationHeaders(dispatch, stageIndex + 1, output, traceParent);
    }

    /** The same activation, written by the hop whose trace context is {@code parent} (null: untraced). */
    public ActivationHeaders withTraceParent(TraceParent parent) {
        return new ActivationHeaders(dispatch, stageIndex, tensor, parent);
    }

    /** The trace context, when the activation carries one. */
    public Optional<TraceParent> trace() {
        return Optional.ofNullable(traceParent);
    }

    /** Header name to UTF-8 value, in a stable order, schema version first; the trace context last, when present. */
    public Map<String, byte[]> toHeaders() {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        put(headers, Header.SCHEMA_VERSION, Integer.toString(SchemaVersion.CURRENT));
        put(headers, Header.CONTENT_TYPE, Header.OCTET_STREAM);
        put(headers, Header.REQUEST_ID, dispatch.requestId());
        put(headers, Header.APP_ID, dispatch.appId());
        put(headers, Header.EPOCH, Long.toString(dispatch.epoch()));
        put(headers, Header.STAGE_INDEX, Integer.toString(stageIndex));
        put(headers, Header.ROUTE, dispatch.route().text());
        put(headers, Header.DEADLINE, Long.toString(dispatch.deadline().toEpochMilli()));
        put(headers, Header.TENSOR_DATATYPE, tensor.datatype().name());
        put(headers, Header.TENSOR_SHAPE, tensor.shapeText());
        if (traceParent != null) {
            put(headers, Header.TRACE_PARENT, traceParent.text());
        }
        return Collections.unmodifiableMap(headers);
    }

    /**
     * Reads the headers of an activation record. A {@link Header#TRACE_PARENT} that does not read is
     * dropped (the stage starts a new trace), never an error.
     *
     * @param lastHeader the value of the last header with a given name, or null when absent (as Kafka's
     *                   {@code headers.lastHeader(name)} gives it)
     * @throws io.synergy.contracts.envelope.UnsupportedSchemaVersionException for a version this build does not read
     * @throws MalformedMessageException naming the header that is missing or does not read
     */
    public static ActivationHeaders fromHeaders(Function<String, byte[]> lastHeader) {
        HeaderReader reader = new HeaderReader(lastHeader);
        SchemaVersion.requireReadable(reader.integer(Header.SCHEMA_VERSION), "activation header "
                + Header.SCHEMA_VERSION.headerName());
        try {
            Dispatch dispatch = new Dispatch(reader.text(Header.REQUEST_ID), reader.text(Header.APP_ID),
                    reader.number(Header.EPOCH), Route.parse(reader.text(Header.ROUTE)),
                    Instant.ofEpochMilli(reader.number(Header.DEADLINE)));
            TensorDescriptor tensor = new TensorDescriptor(
                    TensorDatatype.parse(Header.TENSOR_DATATYPE.headerName(), reader.text(Header.TENSOR_DATATYPE)),
                    TensorDescriptor.parseShape(Header.TENSOR_SHAPE.headerName(), reader.text(Header.TENSOR_SHAPE)));
            byte[] trace = lastHeader.apply(Header.TRACE_PARENT.headerName());
            return new ActivationHeaders(dispatch, reader.integer(Header.STAGE_INDEX), tensor,
                    trace == null ? null : TraceParent.parse(new String(trace, StandardCharsets.UTF_8)).orElse(null));
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("activation headers: " + e.getMessage(), e);
        }
    }

    private static void put(Map<String, byte[]> headers, Header header, String value) {
        headers.put(header.headerName(), value.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads required text headers, naming the header in every error. */
    private record HeaderReader(Function<String, byte[]> lastHeader) {

        String text(Header header) {
            byte[] value = lastHeader.apply(header.headerName());
            if (value == null || value.length == 0) {
                throw new MalformedMessageException("activation headers: " + header.headerName() + " is required");
            }
            return new String(value, StandardCharsets.UTF_8);
        }

        long number(Header header) {
            String text = text(header);
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw new MalformedMessageException("activation headers: " + header.headerName()
                        + " must be a decimal integer, got '" + text + "'", e);
            }
        }

        int integer(Header header) {
            long value = number(header);
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new MalformedMessageException("activation headers: " + header.headerName()
                        + " must fit 32 bits, got " + value);
            }
            return (int) value;
        }
    }
}
