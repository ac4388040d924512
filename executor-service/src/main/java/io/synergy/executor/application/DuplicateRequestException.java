package io.synergy.executor.application;

/** A request id that is already in flight; it is answered once, so the second copy is refused. */
public final class DuplicateRequestException extends InferenceException {

    public DuplicateRequestException(String message) {
        super(message);
    }
}
