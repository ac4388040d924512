package io.synergy.core.planning;

import io.synergy.core.network.Network;
import java.util.Optional;
import java.util.Set;

/**
 * The planner's view of the accelerator model: per device type, what a device holds and what a
 * segment costs. The planners, the estimator and the simulator all read costs through this port,
 * so they agree; the accelerator package provides the real implementation.
 */
public interface CostModel {

    /** The device types this model can cost, lower case ({@code max78000}). */
    Set<String> deviceTypes();

    /** What one device of the type can hold. */
    ResourceUse capacity(String deviceType);

    /**
     * The cost of layers [from, to) of a network on one device of the type, or empty when the segment
     * breaks a limit of that device. Implementations keep fitting monotone: if [from, to) does not fit,
     * no longer segment starting at {@code from} fits either.
     */
    Optional<SegmentCost> segment(Network network, int from, int to, String deviceType);
}
