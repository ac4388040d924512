package io.synergy.core.planning;

import io.synergy.core.network.Network;
import io.synergy.core.topology.Capability;
import java.util.Objects;

/**
 * What a user deploys: input from a device with the {@code source} capability, the network, the result
 * to a device with the {@code target} capability.
 *
 * @param id     unique among the apps
 * @param model  the model's catalogue name ({@code unet-large})
 * @param weight the app's share of the joint rate: in a plan set running at rate r every app runs
 *               weight x r inferences per second; a wanted rate in inferences per second can be given as
 *               the weight, then r >= 1 means every wanted rate is met
 */
public record App(String id, String model, Network network, Capability source, Capability target, double weight) {

    public App {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("app: id must not be blank");
        }
        Objects.requireNonNull(model, "app " + id + ": model");
        Objects.requireNonNull(network, "app " + id + ": network");
        Objects.requireNonNull(source, "app " + id + ": source");
        Objects.requireNonNull(target, "app " + id + ": target");
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("app " + id + ": weight must be a finite number > 0, got " + weight);
        }
    }

    public App(String id, String model, Network network, Capability source, Capability target) {
        this(id, model, network, source, target, 1.0);
    }
}
