package io.synergy.contracts.measurement;

import io.synergy.contracts.Identifier;

/**
 * The stages one device ran of one segment over a measurement window. Times are in fleet
 * microseconds (host time divided by the gateway's time scale), means per stage.
 *
 * @param stages         stages run in the window, >= 1
 * @param measuredMicros service time from the stage's start to its completion (queueing excluded)
 * @param modelledMicros what the accelerator model says the same stages take (compute + I/O, plus
 *                       weight reloads when the device time-shares segments)
 */
public record SegmentTimes(String modelName, int fromLayer, int toLayer, long stages, double measuredMicros,
                           double modelledMicros) {

    public SegmentTimes {
        Identifier.require("modelName", modelName);
        if (fromLayer < 0 || toLayer <= fromLayer) {
            throw new IllegalArgumentException("fromLayer, toLayer: need 0 <= fromLayer < toLayer, got [" + fromLayer
                    + ", " + toLayer + ")");
        }
        if (stages < 1) {
            throw new IllegalArgumentException("stages: must be >= 1, got " + stages);
        }
        requireTime("measuredMicros", measuredMicros);
        requireTime("modelledMicros", modelledMicros);
    }

    private static void requireTime(String field, double micros) {
        if (!(micros >= 0) || Double.isInfinite(micros)) {
            throw new IllegalArgumentException(field + ": must be a finite number >= 0, got " + micros);
        }
    }
}
