package io.synergy.core.network.pack;

/**
 * A model package that cannot be read: truncated, corrupted, of an unsupported version, beyond a
 * size limit, or describing a model that is not consistent. The message names the field or region
 * and the limit.
 */
public final class MalformedModelPackageException extends IllegalArgumentException {

    public MalformedModelPackageException(String message) {
        super(message);
    }

    public MalformedModelPackageException(String message, Throwable cause) {
        super(message, cause);
    }
}
