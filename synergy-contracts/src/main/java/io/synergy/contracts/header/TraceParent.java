package io.synergy.contracts.header;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent} value of version 00, as the {@link Header#TRACE_PARENT}
 * header carries it: {@code 00-<trace id: 32 lower-case hex>-<parent span id: 16 lower-case hex>-<flags: 2 hex>}.
 * All-zero ids are invalid, as the W3C recommendation says.
 *
 * @param traceId      the trace every hop of one inference shares
 * @param parentSpanId the span of the hop that wrote the record
 * @param flags        trace flags; bit 0 says whether the trace is sampled (recorded)
 */
public record TraceParent(String traceId, String parentSpanId, String flags) {

    private static final Pattern TEXT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);

    public TraceParent {
        String text = "00-" + traceId + "-" + parentSpanId + "-" + flags;
        if (!TEXT.matcher(text).matches() || ZERO_TRACE.equals(traceId) || ZERO_SPAN.equals(parentSpanId)) {
            throw new IllegalArgumentException(Header.TRACE_PARENT.headerName()
                    + ": must be 00-<32 hex, not all zero>-<16 hex, not all zero>-<2 hex>, got '" + text + "'");
        }
    }

    /**
     * Reads a header value; empty when it is absent or does not read, so a broken trace context
     * starts a new trace instead of failing the inference (what the W3C recommendation asks of a receiver).
     */
    public static Optional<TraceParent> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var matcher = TEXT.matcher(text.trim());
        if (!matcher.matches() || ZERO_TRACE.equals(matcher.group(1)) || ZERO_SPAN.equals(matcher.group(2))) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(matcher.group(1), matcher.group(2), matcher.group(3)));
    }

    public boolean sampled() {
        return (Integer.parseInt(flags, 16) & 1) == 1;
    }

    /** The header value. */
    public String text() {
        return "00-" + traceId + "-" + parentSpanId + "-" + flags;
    }
}
