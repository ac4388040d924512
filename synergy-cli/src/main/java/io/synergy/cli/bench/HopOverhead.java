package io.synergy.cli.bench;

/**
 * What each hop of a route adds beyond the modelled device and link time: Kafka, the tensor codec,
 * HTTP and scheduling. The gateway makes a stage last its modelled time times the time scale, so
 * overhead = (measured end-to-end latency - modelled route time x time scale) / hops, in host time;
 * in fleet time it is that divided by the time scale (what the overhead would cost a fleet run at the
 * silicon's speed is the host figure itself; the fleet figure is how it shows in the scaled run).
 *
 * @param hostMillisPerHop  host milliseconds per hop (may be negative when a run beats the model, e.g. noise)
 * @param fleetMillisPerHop the same in fleet time (host / time scale)
 */
public record HopOverhead(double hostMillisPerHop, double fleetMillisPerHop) {

    /**
     * @param endToEndHostMillis measured latency through the HTTP API, host milliseconds
     * @param route              the route's modelled time (fleet microseconds) and hop count
     * @param timeScale          host time per unit of fleet time, > 0
     */
    public static HopOverhead of(double endToEndHostMillis, RouteTiming route, double timeScale) {
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("timeScale: must be > 0, got " + timeScale);
        }
        double modelledHostMillis = route.modelledFleetMicros() * timeScale / 1000.0;
        double host = (endToEndHostMillis - modelledHostMillis) / route.hops();
        return new HopOverhead(host, host / timeScale);
    }
}
