package io.synergy.contracts.header;

import io.synergy.contracts.Identifier;

/**
 * One stage of a request's route: the segment [fromLayer, toLayer) of the app's network, run on one
 * device owned by one gateway.
 */
public record RouteStage(String gatewayId, String deviceId, int fromLayer, int toLayer) {

    public RouteStage {
        Identifier.require("gatewayId", gatewayId);
        Identifier.require("deviceId", deviceId);
        if (fromLayer < 0 || toLayer <= fromLayer) {
            throw new IllegalArgumentException("layers: a stage needs 0 <= fromLayer < toLayer, got ["
                    + fromLayer + ", " + toLayer + ")");
        }
    }

    /** {@code gatewayId/deviceId:from-to}. */
    public String text() {
        return gatewayId + "/" + deviceId + ":" + fromLayer + "-" + toLayer;
    }
}
