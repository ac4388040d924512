package io.synergy.contracts.envelope;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * JSON form of the envelopes of one topic's event family (a sealed interface whose permitted
 * subclasses are records). A record value is one UTF-8 JSON object:
 * <pre>
 * {"schemaVersion":1, "eventId":"&lt;uuid&gt;", "time":"2026-11-27T10:15:30Z", "correlationId":"...",
 *  "type":"&lt;simple class name of the event&gt;", "event":{ ...the record's components... }}
 * </pre>
 * The schema version is checked before anything else, so a message from a newer writer fails with a
 * version error rather than a confusing field error. Unknown fields are ignored (additive changes
 * keep the version, see {@link SchemaVersion}). Thread-safe; build one per family and keep it.
 */
public final class EventCodec<E extends Event> {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** The envelope's own string fields (schemaVersion and event aside). */
    private static final Set<String> ENVELOPE_FIELDS = Set.of("schemaVersion", "eventId", "time", "correlationId", "type");

    private final Class<E> family;
    private final Map<String, Class<? extends E>> typesByName;
    private final Map<Class<? extends E>, ObjectReader> readersByType;

    private EventCodec(Class<E> family, Map<String, Class<? extends E>> typesByName) {
        this.family = family;
        this.typesByName = typesByName;
        Map<Class<? extends E>, ObjectReader> readers = new LinkedHashMap<>();
        // the event is one value inside the envelope: the envelope's closing brace follows it
        typesByName.values().forEach(type -> readers.put(type,
                MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)));
        this.readersByType = readers;
    }

    /**
     * The codec of one event family.
     *
     * @throws IllegalArgumentException when {@code family} is not a sealed interface of records
     */
    public static <E extends Event> EventCodec<E> of(Class<E> family) {
        if (!family.isInterface() || !family.isSealed()) {
            throw new IllegalArgumentException("family: " + family.getName() + " must be a sealed interface of event records");
        }
        Map<String, Class<? extends E>> types = new LinkedHashMap<>();
        for (Class<?> permitted : family.getPermittedSubclasses()) {
            if (!permitted.isRecord()) {
                throw new IllegalArgumentException("family: " + permitted.getName() + " must be a record");
            }
            types.put(permitted.getSimpleName(), permitted.asSubclass(family));
        }
        return new EventCodec<>(family, Collections.unmodifiableMap(types));
    }

    /** The event type names of this family, as they appear in the {@code type} field. */
    public Set<String> typeNames() {
        return typesByName.keySet();
    }

    /**
     * The UTF-8 JSON value of a record. The event is written straight from the record, without an
     * intermediate tree: for a tensor-carrying event a tree holds one node per element.
     */
    public byte[] encode(Envelope<? extends E> envelope) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", envelope.schemaVersion());
        root.put("eventId", envelope.eventId().toString());
        root.put("time", envelope.time().toString());
        root.put("correlationId", envelope.correlationId());
        root.put("type", envelope.event().getClass().getSimpleName());
        root.put("event", envelope.event());
        return MAPPER.writeValueAsBytes(root);
    }

    /**
     * Reads a record value written by {@link #encode} (or by hand, e.g. with kcat).
     *
     * @throws UnsupportedSchemaVersionException when the version is outside the readable range
     * @throws MalformedMessageException         naming the field that is missing, ill-typed or invalid
     */
    public Envelope<E> decode(byte[] value) {
        if (value == null) {
            throw new MalformedMessageException(where() + ": value is null (a tombstone); check for it before decoding");
        }
        Envelope<E> inOrder = decodeInOnePass(value);
        return inOrder != null ? inOrder : decodeTree(value);
    }

    /**
     * The common case, read in one pass without a tree (a tensor-carrying event's tree holds one node
     * per element): a well-formed value whose envelope fields all come before {@code event}, as
     * {@link #encode} writes them. Null for anything else — another field order, or anything wrong —
     * and {@link #decodeTree} then reads it, checking the version first and naming what is wrong, so
     * both paths accept and refuse the same values with the same messages.
     */
    Envelope<E> decodeInOnePass(byte[] value) {
        try (JsonParser parser = MAPPER.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Integer version = null;
            String eventId = null;
            String time = null;
            String correlationId = null;
            Class<? extends E> type = null;
            E event = null;
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken valueToken = parser.nextToken();
                if ("event".equals(name)) {
                    if (version == null || type == null || valueToken != JsonToken.START_OBJECT
                            || version > SchemaVersion.CURRENT || version < SchemaVersion.OLDEST_READABLE) {
                        return null;
                    }
                    event = readersByType.get(type).readValue(parser);
                } else if (valueToken == JsonToken.START_OBJECT || valueToken == JsonToken.START_ARRAY) {
                    if (ENVELOPE_FIELDS.contains(name)) {
                        return null;
                    }
                    parser.skipChildren();
                } else if ("schemaVersion".equals(name)) {
                    if (valueToken != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
                        return null;
                    }
                    version = parser.getIntValue();
                } else if (ENVELOPE_FIELDS.contains(name)) {
                    if (valueToken != JsonToken.VALUE_STRING || parser.getString().isBlank()) {
                        return null;
                    }
                    String text = parser.getString();
                    switch (name) {
                        case "eventId" -> eventId = text;
                        case "time" -> time = text;
                        case "correlationId" -> correlationId = text;
                        default -> {
                            type = typesByName.get(text);
                            if (type == null) {
                                return null;
                            }
                        }
                    }
                }
            }
            if (parser.nextToken() != null || event == null || eventId == null || time == null || correlationId == null) {
                return null;
            }
            return new Envelope<>(UUID.fromString(eventId), version, Instant.parse(time), correlationId, event);
        } catch (JacksonException | IllegalArgumentException | DateTimeParseException e) {
            return null;
        }
    }

    private Envelope<E> decodeTree(byte[] value) {
        JsonNode root;
        try {
            root = MAPPER.readTree(value);
        } catch (JacksonException e) {
            throw new MalformedMessageException(where() + ": value is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedMessageException(where() + ": value must be a JSON object, got "
                    + abbreviate(new String(value, StandardCharsets.UTF_8)));
        }
        int version = SchemaVersion.requireReadable(schemaVersionOf(root), where());
        String typeName = text(root, "type");
        Class<? extends E> type = typesByName.get(typeName);
        if (type == null) {
            throw new MalformedMessageException(where() + ": type '" + typeName + "' is not an event of this topic; expected one of "
                    + typesByName.keySet());
        }
        JsonNode eventNode = root.get("event");
        if (eventNode == null || !eventNode.isObject()) {
            throw new MalformedMessageException(where() + ": event must be a JSON object holding a " + typeName);
        }
        E event;
        try {
            event = MAPPER.treeToValue(eventNode, type);
        } catch (JacksonException e) {
            throw new MalformedMessageException(where() + ": event (" + typeName + "): " + rootCauseMessage(e), e);
        }
        try {
            return new Envelope<>(uuid(root), version, instant(root), text(root, "correlationId"), event);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(where() + ": " + e.getMessage(), e);
        }
    }

    private String where() {
        return family.getSimpleName();
    }

    private int schemaVersionOf(JsonNode root) {
        JsonNode node = root.get("schemaVersion");
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new MalformedMessageException(where() + ": schemaVersion must be an integer, got "
                    + (node == null ? "nothing" : node.toString()) + "; this reader reads versions "
                    + SchemaVersion.OLDEST_READABLE + " to " + SchemaVersion.CURRENT);
        }
        return node.intValue();
    }

    private String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            throw new MalformedMessageException(where() + ": " + field + " must be a non-empty string, got "
                    + (node == null ? "nothing" : node.toString()));
        }
        return node.asString();
    }

    private UUID uuid(JsonNode root) {
        String text = text(root, "eventId");
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(where() + ": eventId must be a UUID, got '" + text + "'", e);
        }
    }

    private Instant instant(JsonNode root) {
        String text = text(root, "time");
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedMessageException(where() + ": time must be an ISO-8601 UTC instant such as "
                    + "2026-11-27T10:15:30Z, got '" + text + "'", e);
        }
    }

    /**
     * Record constructors validate and name their field; Jackson wraps their exceptions and knows the
     * JSON path to the record (e.g. {@code input}), so the message reads {@code input: data: ...}.
     * For Jackson's own errors (wrong JSON type, missing primitive) the path ends at the field itself.
     */
    private static String rootCauseMessage(JacksonException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message;
        if (cause instanceof JacksonException jackson) {
            message = jackson.getOriginalMessage().startsWith("Cannot map `null` into type")
                    ? "required, got null or nothing"
                    : jackson.getOriginalMessage();
        } else {
            message = cause.getMessage();
        }
        String path = pathOf(e);
        return path.isEmpty() ? message : path + ": " + message;
    }

    private static String pathOf(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
