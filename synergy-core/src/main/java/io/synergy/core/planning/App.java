package io.synergy.core.planning;

import io.synergy.core.network.Network;
import io.synergy.core.topology.Capability;
import java.util.Objects;

/**
 * What a user deploys: input from a device with the {@code source} capability, the network, the result
 * to a device with the {@code target} capability.
 *
 * @param id         unique among the apps
 * @param model      the model's catalogue name ({@code unet-large})
 * @param weight     the app's share of the joint rate: in a plan set running at rate r every app runs
 *                   weight x r inferences per second
 * @param wantedRate the inferences per second the app needs, or 0 when it wants "as fast as possible";
 *                   an app that wants a rate is never estimated above it (see {@link #wanting}: the
 *                   wanted rate is then also the weight, so r >= 1 means every wanted rate is met)
 */
public record App(String id, String model, Network network, Capability source, Capability target, double weight,
                  double wantedRate) {

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
        if (!(wantedRate >= 0) || Double.isInfinite(wantedRate)) {
            throw new IllegalArgumentException("app " + id + ": wanted rate must be a finite number >= 0 "
                    + "(0: as fast as possible), got " + wantedRate);
        }
    }

    /** An app with a share of the joint rate and no wanted rate. */
    public App(String id, String model, Network network, Capability source, Capability target, double weight) {
        this(id, model, network, source, target, weight, 0);
    }

    /** An app that wants "as fast as possible": weight 1. */
    public App(String id, String model, Network network, Capability source, Capability target) {
        this(id, model, network, source, target, 1.0);
    }

    /**
     * An app that needs {@code ratePerSecond} inferences per second: its weight is that rate (the joint
     * rate is then the fraction of every wanted rate the plan set serves) and it is never estimated above it.
     */
    public static App wanting(String id, String model, Network network, Capability source, Capability target,
                              double ratePerSecond) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("app " + id + ": wanted rate must be a finite number > 0, got "
                    + ratePerSecond);
        }
        return new App(id, model, network, source, target, ratePerSecond, ratePerSecond);
    }

    /** Whether the app needs a given rate rather than as fast as possible. */
    public boolean wantsRate() {
        return wantedRate > 0;
    }
}
