package io.synergy.core.tensor;

/** A {@code .npy} file that is malformed, truncated, too large or of a layout/type we do not read. */
public final class NpyFormatException extends IllegalArgumentException {

    public NpyFormatException(String message) {
        super(message);
    }
}
