package io.synergy.gateway.application;

/** A device id this gateway does not own. */
public final class UnknownDeviceException extends IllegalArgumentException {

    public UnknownDeviceException(String message) {
        super(message);
    }
}
