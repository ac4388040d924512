package io.synergy.executor.application;

/** Why a request was not admitted; each subclass maps to one HTTP status and one {@code FailureCode}. */
public abstract sealed class InferenceException extends RuntimeException
        permits UnknownModelException, AmbiguousModelException, InvalidInputException, NotServableException,
        OverloadedException {

    protected InferenceException(String message) {
        super(message);
    }
}
