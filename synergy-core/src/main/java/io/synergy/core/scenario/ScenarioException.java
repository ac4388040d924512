package io.synergy.core.scenario;

/** A scenario that cannot be read or does not make sense; the message is one line naming the field. */
public final class ScenarioException extends RuntimeException {

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
