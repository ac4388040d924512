package io.synergy.planner.application;

import io.synergy.contracts.app.AppDeployed;
import io.synergy.contracts.plan.AppPlan;
import io.synergy.contracts.plan.DeviceRef;
import io.synergy.contracts.plan.PlanEnds;
import io.synergy.contracts.plan.PlanEstimate;
import io.synergy.contracts.plan.SegmentPlacement;
import io.synergy.contracts.plan.UnplacedApp;
import io.synergy.core.accelerator.AcceleratorSpec;
import io.synergy.core.accelerator.SegmentCostModel;
import io.synergy.core.accelerator.SegmentProfile;
import io.synergy.core.network.Network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The simplest planner, used until the core planners are available to this service: each app runs
 * whole on one device that holds its model (the source device if it can, else the target, else the
 * first other device by id), with the input from the first device with the source capability and the
 * result to the first with the target capability. Estimates ignore contention between apps.
 */
public final class SingleDevicePlanning implements PlanComputation {

    public static final String NAME = "single-device";

    private final SegmentCostModel costs;

    public SingleDevicePlanning(SegmentCostModel costs) {
        this.costs = costs;
    }

    @Override
    public PlanOutcome plan(SpaceSnapshot snapshot) {
        List<AppPlan> plans = new ArrayList<>();
        List<UnplacedApp> unplaced = new ArrayList<>();
        for (AppDeployed app : snapshot.apps()) {
            Network network = snapshot.models().get(app.modelName());
            Optional<FleetDevice> source = firstWith(snapshot, app.sourceCapability());
            Optional<FleetDevice> target = firstWith(snapshot, app.targetCapability());
            if (network == null) {
                unplaced.add(new UnplacedApp(app.appId(), "model " + app.modelName() + " is not registered"));
            } else if (source.isEmpty() || target.isEmpty()) {
                unplaced.add(new UnplacedApp(app.appId(), "no live device with capability "
                        + (source.isEmpty() ? app.sourceCapability() : app.targetCapability())));
            } else {
                place(app, network, source.get(), target.get(), snapshot).ifPresentOrElse(plans::add,
                        () -> unplaced.add(new UnplacedApp(app.appId(), "model " + app.modelName()
                                + " fits no single live device")));
            }
        }
        return new PlanOutcome(NAME, plans, unplaced);
    }

    private Optional<AppPlan> place(AppDeployed app, Network network, FleetDevice source, FleetDevice target,
                                    SpaceSnapshot snapshot) {
        List<FleetDevice> candidates = new ArrayList<>(List.of(source, target));
        snapshot.devices().stream().filter(d -> !candidates.contains(d)).forEach(candidates::add);
        for (FleetDevice device : candidates) {
            Optional<AcceleratorSpec> spec = spec(device);
            if (spec.isEmpty() || !costs.fits(network, 0, network.size(), spec.get())) {
                continue;
            }
            SegmentProfile profile = costs.profile(network, 0, network.size(), spec.get());
            double roundMicros = Math.max(profile.roundMicros(), 1e-3);
            String explanation = String.format(Locale.ROOT, "the whole network on %s (%s), the first device that holds it"
                            + " of source, target and the rest by id; input from %s, result to %s; %.1f us per inference;"
                            + " contention with other apps not counted", device.id(), spec.get().name(), source.id(),
                    target.id(), roundMicros);
            return Optional.of(new AppPlan(app.appId(), app.modelName(), new PlanEnds(ref(source), ref(target)),
                    List.of(new SegmentPlacement(0, network.size(), List.of(ref(device)))),
                    new PlanEstimate(1e6 / roundMicros, roundMicros / 1000, "device " + device.id() + " compute",
                            explanation)));
        }
        return Optional.empty();
    }

    private static Optional<AcceleratorSpec> spec(FleetDevice device) {
        try {
            return Optional.of(AcceleratorSpec.byName(device.descriptor().accelerator()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<FleetDevice> firstWith(SpaceSnapshot snapshot, String capability) {
        return snapshot.devices().stream().filter(d -> d.descriptor().capabilities().contains(capability)).findFirst();
    }

    private static DeviceRef ref(FleetDevice device) {
        return new DeviceRef(device.id(), device.descriptor().gatewayId());
    }
}
