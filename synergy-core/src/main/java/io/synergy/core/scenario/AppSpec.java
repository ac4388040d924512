package io.synergy.core.scenario;

import io.synergy.core.topology.Capability;

/**
 * An app as a scenario names it, before its model is looked up.
 *
 * @param weight     share of the joint rate (1 by default; a wanted rate becomes the weight)
 * @param wantedRate the inferences per second given as {@code rate} in the file, or 0 when the app wants
 *                   as fast as possible
 */
public record AppSpec(String id, String model, Capability source, Capability target, double weight,
                      double wantedRate) {

    /** An app with a share of the joint rate and no wanted rate. */
    public AppSpec(String id, String model, Capability source, Capability target, double weight) {
        this(id, model, source, target, weight, 0);
    }
}
