package io.synergy.contracts.model;

import io.synergy.contracts.Identifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The bytes of a model as the registry stores them (Base64 in JSON).
 *
 * @param format  what the bytes are, with its version, e.g. "synergy-model/1"
 * @param content the package itself
 * @param sha256  lower-case hex SHA-256 of {@code content}; checked on construction, so a reader
 *                never holds a corrupted package
 */
public record ModelPackage(String format, byte[] content, String sha256) {

    public ModelPackage {
        Identifier.requireText("format", format);
        Identifier.requirePresent("content", content);
        Identifier.requireText("sha256", sha256);
        String actual = sha256Of(content);
        if (!actual.equals(sha256)) {
            throw new IllegalArgumentException("sha256: content of " + content.length + " bytes hashes to " + actual
                    + ", the package says " + sha256);
        }
        content = content.clone();
    }

    /** A package whose digest is computed here. */
    public static ModelPackage of(String format, byte[] content) {
        return new ModelPackage(format, content, sha256Of(content));
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public static String sha256Of(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelPackage that && format.equals(that.format) && sha256.equals(that.sha256)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return 31 * format.hashCode() + sha256.hashCode();
    }

    @Override
    public String toString() {
        return "ModelPackage[" + format + ", " + content.length + " bytes, sha256=" + sha256 + "]";
    }
}
