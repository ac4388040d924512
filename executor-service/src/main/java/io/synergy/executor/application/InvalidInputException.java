package io.synergy.executor.application;

/** An input tensor does not match the model (datatype, shape) or breaks a limit; the message names the field. */
public final class InvalidInputException extends InferenceException {

    public InvalidInputException(String message) {
        super(message);
    }
}
