package io.synergy.registry.application;

/**
 * A client's input broke a rule; nothing was stored. Carries what the HTTP layer needs for an RFC 9457
 * problem detail: a stable code, the offending field and, where there is one, the limit.
 */
public class InvalidInputException extends RuntimeException {

    private final String code;
    private final String field;
    private final String limit;

    public InvalidInputException(String code, String field, String limit, String message) {
        super(message);
        this.code = code;
        this.field = field;
        this.limit = limit;
    }

    public InvalidInputException(String code, String field, String message) {
        this(code, field, null, message);
    }

    /** Stable, machine-readable reason, e.g. {@code invalid-model} or {@code too-large}. */
    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    /** The limit that was broken, in words with its unit (e.g. "1048576 bytes"), or null. */
    public String limit() {
        return limit;
    }
}
