package io.synergy.core.simulation;

import java.util.List;
import java.util.Map;

/**
 * What a simulation measured after warm-up.
 *
 * @param throughput          rounds per second (app i completed weight_i x this per second)
 * @param appThroughput       inferences per second per app id
 * @param appLatencyMillis    mean release-to-result time per app id (queueing included)
 * @param measuredMicros      length of the measured window in virtual time
 * @param trace               the first events, up to the configured limit
 */
public record SimulationResult(double throughput, Map<String, Double> appThroughput,
                               Map<String, Double> appLatencyMillis, double measuredMicros, List<TraceEntry> trace) {

    public SimulationResult {
        appThroughput = Map.copyOf(appThroughput);
        appLatencyMillis = Map.copyOf(appLatencyMillis);
        trace = List.copyOf(trace);
    }
}
