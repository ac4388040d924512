package io.synergy.executor.application;

/** The app exists but cannot run now: the plan set has no plan for it, or its model is not known yet. */
public final class NotServableException extends InferenceException {

    public NotServableException(String message) {
        super(message);
    }
}
