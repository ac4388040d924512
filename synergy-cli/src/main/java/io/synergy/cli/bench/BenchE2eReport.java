package io.synergy.cli.bench;

import java.util.List;

/**
 * What {@code synergy bench e2e} measured: the file {@code bench-e2e.json} and the {@code --json}
 * output. Host figures are wall-clock on this machine; fleet figures are host figures converted with
 * the time scale (a fleet rate is the host rate x time scale).
 *
 * @param timeScale  host time per unit of fleet time of the measured modes
 * @param seconds    host seconds each mode (and each timing-only level) ran
 * @param planEpoch  the plan set the load ran under
 * @param timingOnly null unless {@code --timing-only} was given
 */
public record BenchE2eReport(String startedAt, int hostProcessors, double timeScale, int seconds, long planEpoch,
                             String planner, List<ModeResult> modes, TimingOnlyResult timingOnly) {

    /**
     * One load mode.
     *
     * @param mode                          "closed-loop" or "open-loop"
     * @param concurrency                   closed loop: requests in flight per app; open loop: the bound on outstanding ones
     * @param jointMeasuredFleetPerSecond   min over apps of fleet rate / weight
     * @param jointPlannedPerSecond         min over plans of estimate / weight (the planner's joint rate)
     * @param measuredToPlanned             joint measured / joint planned
     * @param hopTransfer                   the Kafka hops of every app in the window, timed by their receivers
     *                                      (null when the services' metrics could not be read)
     */
    public record ModeResult(String mode, int concurrency, List<AppResult> apps, double jointMeasuredFleetPerSecond,
                             double jointPlannedPerSecond, double measuredToPlanned, HopTransferSummary hopTransfer) {
    }

    /**
     * One app in one mode.
     *
     * @param offeredPerSecond      open loop: arrivals per host second (NaN in the closed loop)
     * @param dropped               open loop: arrivals dropped at the outstanding bound
     * @param latencyHostMillis     end-to-end through the HTTP API
     * @param overheadPerHopAtP50   (p50 - modelled route time) / hops
     * @param overheadPerHopAtMin   (fastest - modelled route time) / hops: the overhead without queueing
     */
    public record AppResult(String appId, String model, long completed, long rejected, long failed, long dropped,
                            double offeredPerSecond, double hostInferencesPerSecond, double fleetInferencesPerSecond,
                            double plannedInferencesPerSecond, LatencySummary latencyHostMillis, int segments, int hops,
                            double modelledRouteFleetMillis, HopOverhead overheadPerHopAtP50,
                            HopOverhead overheadPerHopAtMin) {
    }

    /**
     * The timing-only run: the gateway skips the arithmetic and runs at a tiny time scale, so the
     * stage rate shows what Kafka, the codec and the services sustain.
     */
    public record TimingOnlyResult(double timeScale, List<TimingOnlyLevel> levels, double highestStageMessagesPerSecond) {
    }

    /**
     * @param concurrency                requests each app keeps outstanding
     * @param stageMessagesPerSecond     stages run (one activation message each) per host second over the level
     * @param peakStageMessagesPerSecond the best one-second window
     * @param driver                     how requests were sent: "kafka" (the Kafka contract) or "http" (the API)
     * @param failedInferences           ended without a result (over HTTP also 429s), in the measured window
     * @param unansweredInferences       given up without any outcome (Kafka only; 0 over HTTP)
     * @param latencyHostMillis          send to outcome read, host ms
     */
    public record TimingOnlyLevel(int concurrency, long stagesRun, double stageMessagesPerSecond,
                                  double peakStageMessagesPerSecond, long completedInferences,
                                  double inferencesPerSecond, String driver, long failedInferences,
                                  long unansweredInferences, LatencySummary latencyHostMillis) {
    }
}
