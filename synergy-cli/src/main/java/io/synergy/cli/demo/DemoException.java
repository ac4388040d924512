package io.synergy.cli.demo;

/** The demo could not set up or drive the stack. */
public final class DemoException extends RuntimeException {

    public DemoException(String message) {
        super(message);
    }
}
