package io.synergy.planner.application;

import io.synergy.contracts.device.DeviceDescriptor;
import io.synergy.core.planning.ResourceUse;

import java.util.List;

/**
 * One device of the virtual computing space under the plan set in force.
 *
 * @param batteryPercent       charge in percent
 * @param costable             false when this build has no cost model for its accelerator (it is not planned on)
 * @param capacity             what the device can hold (kernel bytes, bias bytes, layer slots)
 * @param resident             what its segments keep loaded, summed over apps; above {@code capacity} the
 *                             device reloads weights whenever it switches between apps
 * @param computeUtilisation   share of its CNN engine's time (with input and output) in use at the plan
 *                             set's estimated rate, in [0, 1]
 * @param linkUtilisation      share of its link's time in use at that rate, in [0, 1]
 * @param segments             the segments it runs
 */
public record DeviceUsage(DeviceDescriptor descriptor, double batteryPercent, boolean costable, ResourceUse capacity,
                          ResourceUse resident, double computeUtilisation, double linkUtilisation, List<Held> segments) {

    public DeviceUsage {
        segments = List.copyOf(segments);
    }

    /** Layers [fromLayer, toLayer) of an app's network held on the device. */
    public record Held(String appId, int fromLayer, int toLayer) {
    }
}
