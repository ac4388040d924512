package io.synergy.executor.application;

/** A model name is served by more than one app; the client must name the app. */
public final class AmbiguousModelException extends InferenceException {

    public AmbiguousModelException(String message) {
        super(message);
    }
}
