package io.synergy.registry.application;

/** The request is valid but the registry's state forbids it (e.g. deleting a model that apps use). */
public final class ConflictException extends RuntimeException {

    private final String code;

    public ConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
