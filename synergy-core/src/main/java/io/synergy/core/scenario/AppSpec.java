package io.synergy.core.scenario;

import io.synergy.core.topology.Capability;

/**
 * An app as a scenario names it, before its model is looked up.
 *
 * @param weight share of the joint rate (1 by default; a wanted rate in inferences per second is
 *               given as {@code rate} in the file and becomes the weight)
 */
public record AppSpec(String id, String model, Capability source, Capability target, double weight) {
}
