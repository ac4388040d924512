package io.synergy.core.planning;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Online estimation of each device's service times: an exponentially weighted moving average (EWMA)
 * of measured over modelled stage time per device, folded from the fleet's measurement windows. The
 * planner costs a device's segments at its <em>factor in force</em> times the model; the factor in
 * force follows the average only when the two differ by more than the re-plan threshold (relative),
 * so measurement noise never re-plans and a plan does not flap between two close choices. Not
 * thread-safe; the owner serialises access.
 */
public final class ServiceTimeEstimates {

    private final Settings settings;
    private final Map<String, DeviceEstimate> devices = new TreeMap<>();

    public ServiceTimeEstimates(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param smoothing        weight of a new window in the average, in (0, 1]
     * @param replanThreshold  relative change of the average against the factor in force that puts the
     *                         average in force (e.g. 0.25: 25 % slower or faster), >= 0
     * @param minStages        windows with fewer stages are ignored (too few to tell), >= 1
     */
    public record Settings(double smoothing, double replanThreshold, long minStages) {

        public Settings {
            if (!(smoothing > 0 && smoothing <= 1)) {
                throw new IllegalArgumentException("smoothing: must be in (0, 1], got " + smoothing);
            }
            if (!(replanThreshold >= 0) || Double.isInfinite(replanThreshold)) {
                throw new IllegalArgumentException("replanThreshold: must be a finite number >= 0, got " + replanThreshold);
            }
            if (minStages < 1) {
                throw new IllegalArgumentException("minStages: must be >= 1, got " + minStages);
            }
        }
    }

    /**
     * One device's estimate.
     *
     * @param measuredToModelled the moving average of measured over modelled service time
     * @param factorInForce      what planning multiplies the device's modelled times by
     * @param stages             stages folded so far
     */
    public record DeviceEstimate(double measuredToModelled, double factorInForce, long stages) {
    }

    /**
     * Folds one measurement window of a device.
     *
     * @param measuredMicros total measured service time of the window's stages
     * @param modelledMicros total modelled time of the same stages
     * @return true when the device's factor in force changed (planning should run again)
     */
    public boolean fold(String deviceId, long stages, double measuredMicros, double modelledMicros) {
        if (stages < settings.minStages() || !(modelledMicros > 0) || !(measuredMicros >= 0)
                || Double.isInfinite(measuredMicros) || Double.isInfinite(modelledMicros)) {
            return false;
        }
        double ratio = measuredMicros / modelledMicros;
        DeviceEstimate known = devices.get(deviceId);
        if (known == null) {
            // the first window starts the average; the factor in force stays the model's until it differs enough
            known = new DeviceEstimate(ratio, 1.0, 0);
        } else {
            known = new DeviceEstimate(settings.smoothing() * ratio + (1 - settings.smoothing()) * known.measuredToModelled(),
                    known.factorInForce(), known.stages());
        }
        boolean material = Math.abs(known.measuredToModelled() - known.factorInForce())
                > settings.replanThreshold() * known.factorInForce();
        double inForce = material ? known.measuredToModelled() : known.factorInForce();
        devices.put(deviceId, new DeviceEstimate(known.measuredToModelled(), inForce, known.stages() + stages));
        return material;
    }

    /**
     * Forgets a device (it left): a device that joins again starts from the model.
     *
     * @return true when its factor in force was not 1 (planning should run again)
     */
    public boolean forget(String deviceId) {
        DeviceEstimate gone = devices.remove(deviceId);
        return gone != null && gone.factorInForce() != 1.0;
    }

    public Optional<DeviceEstimate> estimate(String deviceId) {
        return Optional.ofNullable(devices.get(deviceId));
    }

    /** Every device's estimate, by device id. */
    public Map<String, DeviceEstimate> estimates() {
        return Collections.unmodifiableMap(new TreeMap<>(devices));
    }

    /** The factors in force that differ from 1, by device id: what planning needs. */
    public Map<String, Double> factorsInForce() {
        Map<String, Double> factors = new TreeMap<>();
        devices.forEach((id, estimate) -> {
            if (estimate.factorInForce() != 1.0) {
                factors.put(id, estimate.factorInForce());
            }
        });
        return Collections.unmodifiableMap(factors);
    }
}
