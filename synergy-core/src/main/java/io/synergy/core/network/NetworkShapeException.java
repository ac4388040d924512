package io.synergy.core.network;

/** A network whose layers do not fit together (shapes, sources, channel counts). */
public final class NetworkShapeException extends IllegalArgumentException {

    public NetworkShapeException(String message) {
        super(message);
    }
}
