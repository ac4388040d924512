package io.synergy.cli.bench;

import io.synergy.contracts.envelope.Envelope;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.envelope.SchemaVersion;
import io.synergy.contracts.inference.InferenceRequestEvent;
import io.synergy.contracts.inference.InferenceRequested;
import io.synergy.contracts.tensor.WireTensor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The record value of an {@link InferenceRequested} for one model and input, encoded once by the
 * contract's {@link EventCodec} and then copied per request with only the request id (also the
 * correlation id) and the event id written in. A large input costs the load generator one JSON
 * encoding instead of one per request, so the bench's own CPU does not crowd out the stack it measures
 * on a small host. Request ids are fixed-length ({@link #requestId}), which is what lets them be written
 * in place.
 */
public final class RequestTemplate {

    /** Digits of the request number in an id. */
    static final int NUMBER_DIGITS = 12;
    private static final UUID PLACEHOLDER_EVENT_ID = new UUID(0x5ee5ee5ee5ee5ee5L, 0x5ee5ee5ee5ee5ee5L);
    private static final EventCodec<InferenceRequestEvent> CODEC = EventCodec.of(InferenceRequestEvent.class);

    private final String prefix;
    private final byte[] value;
    private final int[] idOffsets;
    private final int[] eventIdOffsets;

    /**
     * @param prefix        request ids are {@code prefix-NNNNNNNNNNNN}; an identifier (letters, digits,
     *                      {@code . _ -}) short enough for the 64-character limit with the 13 added
     * @param timeoutMillis the request's {@code timeoutMillis} (0: the executor's default)
     * @param time          the envelope time every copy carries (the template's making)
     */
    public RequestTemplate(String prefix, String model, WireTensor input, long timeoutMillis, Instant time) {
        this.prefix = prefix;
        String placeholder = requestId(prefix, 0);
        InferenceRequested request = new InferenceRequested(placeholder, model, input, timeoutMillis);
        this.value = CODEC.encode(new Envelope<>(PLACEHOLDER_EVENT_ID, SchemaVersion.CURRENT, time, placeholder, request));
        this.idOffsets = offsets(value, placeholder);
        this.eventIdOffsets = offsets(value, PLACEHOLDER_EVENT_ID.toString());
        if (idOffsets.length != 2 || eventIdOffsets.length != 1) {
            throw new IllegalStateException("the encoded request holds its id " + idOffsets.length
                    + " times and its event id " + eventIdOffsets.length + " times; expected 2 and 1");
        }
    }

    /** The id of request number {@code number} (>= 0) under {@code prefix}; always the same length. */
    public static String requestId(String prefix, long number) {
        if (number < 0 || number >= 1_000_000_000_000L) {
            throw new IllegalArgumentException("number: must be in [0, 10^" + NUMBER_DIGITS + "), got " + number);
        }
        return prefix + "-" + String.format(Locale.ROOT, "%0" + NUMBER_DIGITS + "d", number);
    }

    public String prefix() {
        return prefix;
    }

    /** The record value of request {@code requestId} (made by {@link #requestId} with this prefix). */
    public byte[] value(String requestId, UUID eventId) {
        byte[] id = requestId.getBytes(StandardCharsets.US_ASCII);
        if (id.length != requestId(prefix, 0).length() || !requestId.startsWith(prefix + "-")) {
            throw new IllegalArgumentException("requestId: must be " + prefix + "-<" + NUMBER_DIGITS
                    + " digits>, got " + requestId);
        }
        byte[] copy = value.clone();
        for (int offset : idOffsets) {
            System.arraycopy(id, 0, copy, offset, id.length);
        }
        byte[] event = eventId.toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(event, 0, copy, eventIdOffsets[0], event.length);
        return copy;
    }

    private static int[] offsets(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        List<Integer> found = new ArrayList<>();
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            found.add(i);
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }
}
