package io.synergy.executor.application;

import io.synergy.contracts.header.Route;
import io.synergy.contracts.header.RouteStage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which plan epoch each live device has loaded, folded from {@code synergy.devices}
 * ({@code DeviceSegmentsLoaded}, and the loaded epoch every heartbeat repeats). A request is
 * dispatched under an epoch only once every device of its route holds that epoch's segments, so the
 * first requests of a new plan do not bounce off devices still loading weights (and spend attempts
 * doing so); a departed device holds nothing. The last report of a device counts, not the highest:
 * a restarted gateway really holds nothing until it has loaded again. Thread-safe.
 */
public final class FleetReadiness {

    private final Map<String, Long> loadedEpochs = new ConcurrentHashMap<>();

    /** @return whether the device's loaded epoch changed */
    public boolean reported(String deviceId, long loadedEpoch) {
        Long before = loadedEpochs.put(deviceId, loadedEpoch);
        return before == null || before != loadedEpoch;
    }

    /** The device left, or was expired after missed heartbeats. */
    public void gone(String deviceId) {
        loadedEpochs.remove(deviceId);
    }

    /** Whether every device of the route has loaded {@code epoch} (or a later one, which then rejects it as stale). */
    public boolean ready(Route route, long epoch) {
        for (RouteStage stage : route.stages()) {
            Long loaded = loadedEpochs.get(stage.deviceId());
            if (loaded == null || loaded < epoch) {
                return false;
            }
        }
        return true;
    }
}
