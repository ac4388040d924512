package io.synergy.contracts.plan;

import io.synergy.contracts.Identifier;

/**
 * Where an app's data comes from and goes to.
 *
 * @param source the device with the app's source capability (its input enters the first segment)
 * @param target the device with the app's target capability (it receives the result)
 */
public record PlanEnds(DeviceRef source, DeviceRef target) {

    public PlanEnds {
        Identifier.requirePresent("source", source);
        Identifier.requirePresent("target", target);
    }
}
