package io.synergy.core.planning;

import java.util.List;

/**
 * Maps apps onto the virtual computing space. Every planner returns a plan for each app it can place
 * and lists the others as unplaced; all are scored by the same {@link ThroughputEstimator}.
 */
public interface Planner {

    /** The name used on the command line and in reports ({@code synergy}, {@code greedy-fill}). */
    String name();

    PlanSet plan(VirtualComputingSpace space, List<App> apps);
}
