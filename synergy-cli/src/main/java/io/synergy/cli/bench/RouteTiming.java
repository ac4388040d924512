package io.synergy.cli.bench;

/**
 * One app's route as the device-gateway times it, in fleet time: every stage's compute + I/O on its
 * device ({@code SegmentProfile.roundMicros()}) and every inter-stage transfer over the sending
 * device's link (the gateway sends a stage's output over its own device's link; the result of the
 * last stage goes to Kafka directly, and the input enters the first stage without a modelled link).
 *
 * @param segments             stages of the route, >= 1
 * @param modelledFleetMicros  modelled device and link time of one inference, fleet microseconds, >= 0
 */
public record RouteTiming(int segments, double modelledFleetMicros) {

    public RouteTiming {
        if (segments < 1) {
            throw new IllegalArgumentException("segments: a route needs >= 1, got " + segments);
        }
        if (!(modelledFleetMicros >= 0)) {
            throw new IllegalArgumentException("modelledFleetMicros: must be >= 0, got " + modelledFleetMicros);
        }
    }

    /**
     * Kafka messages one inference crosses: the executor's dispatch to the first stage, one per
     * inter-stage activation, and the last stage's result.
     */
    public int hops() {
        return segments + 1;
    }
}
