package io.synergy.executor.application;

/** No app is deployed under the name a client asked for, neither as app id nor as model name. */
public final class UnknownModelException extends InferenceException {

    public UnknownModelException(String message) {
        super(message);
    }
}
