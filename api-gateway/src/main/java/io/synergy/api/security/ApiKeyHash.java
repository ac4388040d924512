package io.synergy.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The stored form of an API key: the lowercase hex SHA-256 of its UTF-8 bytes. A plain digest is
 * enough because keys are long random strings (no dictionary to guess from); the gateway never holds
 * a key itself, only these hashes.
 */
public final class ApiKeyHash {

    private static final int HEX_LENGTH = 64;

    private ApiKeyHash() {
    }

    public static byte[] of(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public static String hex(String key) {
        return HexFormat.of().formatHex(of(key));
    }

    /**
     * Parses a configured hash.
     *
     * @throws IllegalArgumentException naming {@code property} unless the value is 64 hex digits
     */
    public static byte[] parse(String property, String hex) {
        String trimmed = hex == null ? "" : hex.trim().toLowerCase(Locale.ROOT);
        if (trimmed.length() != HEX_LENGTH || !trimmed.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException(property + ": must be the 64 hex digits of a key's SHA-256, got "
                    + (hex == null ? "nothing" : hex.length() + " characters"));
        }
        return HexFormat.of().parseHex(trimmed);
    }
}
