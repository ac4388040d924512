package io.synergy.core.network.ai8x;

/**
 * A model that cannot be imported: a network description, checkpoint, array file or model package
 * that is malformed, hostile, beyond a size limit, or inconsistent with itself. The message names
 * the place (file, layer, key, entry), what was found and what is allowed.
 */
public class ModelImportException extends RuntimeException {

    public ModelImportException(String message) {
        super(message);
    }

    public ModelImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
