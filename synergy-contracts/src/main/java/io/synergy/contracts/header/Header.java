package io.synergy.contracts.header;

/**
 * Every Kafka record header of the contract. Values are UTF-8 text (numbers in decimal), so a plain
 * client can write them, e.g. {@code kcat -H synergy-epoch=3}.
 */
public enum Header {
    /** The request an activation or result belongs to; also the record key. */
    REQUEST_ID("synergy-request-id"),
    /** The app whose execution plan the request follows. */
    APP_ID("synergy-app-id"),
    /** The plan-set epoch the request was dispatched under (decimal, >= 1). */
    EPOCH("synergy-epoch"),
    /** Which stage of the route the activation enters (decimal, 0-based). */
    STAGE_INDEX("synergy-stage-index"),
    /** The stages of the request, in the form of {@link Route#text()}. */
    ROUTE("synergy-route"),
    /** When the request expires: milliseconds since 1970-01-01T00:00:00Z (decimal). */
    DEADLINE("synergy-deadline-epoch-ms"),
    /** The contract version the record was written under (decimal). */
    SCHEMA_VERSION("synergy-schema-version"),
    /** The simple name of the event in a JSON value (lets a consumer filter without parsing). */
    EVENT_TYPE("synergy-event-type"),
    /** {@code application/json} for events, {@code application/octet-stream} for raw tensor bytes. */
    CONTENT_TYPE("content-type"),
    /** Element type of raw tensor bytes: INT8 or INT32. */
    TENSOR_DATATYPE("synergy-tensor-datatype"),
    /** Shape of raw tensor bytes, outermost dimension first, comma-separated: {@code 64,16,16}. */
    TENSOR_SHAPE("synergy-tensor-shape"),
    /**
     * Optional: the W3C Trace Context {@code traceparent} of the hop that wrote the record
     * ({@code 00-<32 hex trace id>-<16 hex parent span id>-<2 hex flags>}), so one inference is one trace
     * across the executor and every gateway. Readers that do not trace ignore it.
     */
    TRACE_PARENT("traceparent"),
    /**
     * Optional: when the sender handed the record to Kafka, microseconds since 1970-01-01T00:00:00Z
     * (decimal), taken just before it encodes the value. The receiver measures the hop as its own clock
     * minus this ({@link HopTransfer}); a reader that does not measure, or a record without it, ignores it.
     */
    SENT_AT_MICROS("synergy-sent-at-us");

    /** Content type of JSON event values. */
    public static final String JSON = "application/json";

    /** Content type of raw tensor values. */
    public static final String OCTET_STREAM = "application/octet-stream";

    private final String headerName;

    Header(String headerName) {
        this.headerName = headerName;
    }

    /** The header key as it appears on the record. */
    public String headerName() {
        return headerName;
    }
}
