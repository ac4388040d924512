package io.synergy.gateway.application;

import java.util.List;

/**
 * A snapshot of one device for the REST view.
 *
 * @param queueDepth     stages waiting (the running one not included)
 * @param queueCapacity  the bound of the waiting queue
 * @param busy           whether a stage is running
 * @param loadedEpoch    the plan-set epoch whose segments it holds, 0 before the first plan
 * @param loadedSegments {@code appId:from-to} of each segment it holds
 * @param segmentsFitTogether whether their weights stay loaded together (if not, switching reloads)
 * @param stagesRun      stages finished since the gateway started
 * @param stagesRejected stages answered with a rejection since the gateway started
 * @param weightReloads  stages that paid a weight reload because their segment was not resident
 * @param state          {@code serving}, {@code left}, {@code failed} or {@code slow} (see {@link DeviceFault})
 * @param slowFactor     what the device's stage times are multiplied by (1.0 unless slowed down)
 * @param stagesDropped  stages that vanished unanswered because the device had failed
 */
public record DeviceState(String deviceId, String accelerator, int queueDepth, int queueCapacity, boolean busy,
                          long loadedEpoch, List<String> loadedSegments, boolean segmentsFitTogether, long stagesRun,
                          long stagesRejected, long weightReloads, String state, double slowFactor,
                          long stagesDropped) {
}
