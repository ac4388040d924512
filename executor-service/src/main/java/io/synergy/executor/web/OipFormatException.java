package io.synergy.executor.web;

/** An OIP body that does not read; the message names the field and the limit. Answered with 400. */
public final class OipFormatException extends RuntimeException {

    public OipFormatException(String message) {
        super(message);
    }
}
