package io.synergy.contracts;

import java.util.regex.Pattern;

/**
 * The one rule for every id that travels on the wire (device, gateway, app, model, request ids).
 * Ids become Kafka keys, header values and, for gateways, part of a topic name, so they keep to the
 * characters a Kafka topic name allows ({@code [A-Za-z0-9._-]}) and never contain the separators
 * of the route header ({@code / : ;}).
 */
public final class Identifier {

    /** Longest id; keeps {@code synergy.activations.<gatewayId>} far below Kafka's 249 characters. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private Identifier() {
    }

    /**
     * Returns {@code value} when it is a legal id.
     *
     * @param field the name of the field, used in the error
     * @throws IllegalArgumentException naming the field, the value and the rule it breaks
     */
    public static String require(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + ": required, got " + (value == null ? "null" : "an empty string"));
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(field + ": at most " + MAX_LENGTH + " characters, got "
                    + value.length());
        }
        if (!LEGAL.matcher(value).matches()) {
            throw new IllegalArgumentException(field + ": '" + value
                    + "' must start with a letter or digit and use only letters, digits, '.', '_' and '-'");
        }
        return value;
    }

    /** Returns {@code value} when it is not null and not blank (free text such as a reason). */
    public static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required, got " + (value == null ? "null" : "blank text"));
        }
        return value;
    }

    /** Returns {@code value} when it is not null. */
    public static <T> T requirePresent(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": required, got null");
        }
        return value;
    }
}
