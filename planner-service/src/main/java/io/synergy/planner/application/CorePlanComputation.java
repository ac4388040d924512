package io.synergy.planner.application;

import io.synergy.contracts.app.AppDeployed;
import io.synergy.contracts.device.LinkDescriptor;
import io.synergy.contracts.plan.AppPlan;
import io.synergy.contracts.plan.DeviceRef;
import io.synergy.contracts.plan.PlanEnds;
import io.synergy.contracts.plan.PlanEstimate;
import io.synergy.contracts.plan.SegmentPlacement;
import io.synergy.contracts.plan.UnplacedApp;
import io.synergy.core.network.Network;
import io.synergy.core.planning.App;
import io.synergy.core.planning.AppEstimate;
import io.synergy.core.planning.AcceleratorCostModel;
import io.synergy.core.planning.CostModel;
import io.synergy.core.planning.Estimate;
import io.synergy.core.planning.ExecutionPlan;
import io.synergy.core.planning.PlanSet;
import io.synergy.core.planning.Planner;
import io.synergy.core.planning.Segment;
import io.synergy.core.planning.ThroughputEstimator;
import io.synergy.core.planning.VirtualComputingSpace;
import io.synergy.core.topology.Capability;
import io.synergy.core.topology.Device;
import io.synergy.core.topology.Link;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans a snapshot with a core {@link Planner}: the live devices become the virtual computing space,
 * the deployed apps whose model is registered become the apps, and the chosen plan set is scored by
 * the {@link ThroughputEstimator} and written in the contract's terms with an explanation per plan.
 */
public final class CorePlanComputation implements PlanComputation {

    private final Planner planner;
    private final CostModel costModel;
    private final ThroughputEstimator estimator = new ThroughputEstimator();

    public CorePlanComputation(Planner planner, CostModel costModel) {
        this.planner = planner;
        this.costModel = costModel;
    }

    @Override
    public PlanOutcome plan(SpaceSnapshot snapshot) {
        Map<String, String> gateways = new HashMap<>();
        List<Device> devices = new ArrayList<>();
        for (FleetDevice device : snapshot.devices()) {
            String type = AcceleratorCostModel.typeOf(device.descriptor().accelerator());
            if (!costModel.deviceTypes().contains(type)) {
                continue; // an accelerator this build cannot cost is not part of the space
            }
            gateways.put(device.id(), device.descriptor().gatewayId());
            devices.add(new Device(device.id(), type, capabilities(device.descriptor().capabilities()),
                    link(device.descriptor().link()), device.batteryPercent() / 100));
        }
        Map<String, Double> factors = new HashMap<>(snapshot.serviceTimeFactors());
        factors.keySet().retainAll(gateways.keySet());
        VirtualComputingSpace space = VirtualComputingSpace.of(costModel, devices).withServiceTimeFactors(factors);
        List<App> apps = new ArrayList<>();
        List<UnplacedApp> unplaced = new ArrayList<>();
        for (AppDeployed deployed : snapshot.apps()) {
            Network network = snapshot.models().get(deployed.modelName());
            if (network == null) {
                unplaced.add(new UnplacedApp(deployed.appId(), "model " + deployed.modelName() + " is not registered"));
                continue;
            }
            try {
                apps.add(new App(deployed.appId(), deployed.modelName(), network,
                        Capability.named(deployed.sourceCapability()), Capability.named(deployed.targetCapability()),
                        deployed.wantedRatePerSecond() > 0 ? deployed.wantedRatePerSecond() : 1.0));
            } catch (IllegalArgumentException e) {
                unplaced.add(new UnplacedApp(deployed.appId(), e.getMessage()));
            }
        }
        if (apps.isEmpty()) {
            return new PlanOutcome(planner.name(), List.of(), unplaced);
        }
        PlanSet planSet = planner.plan(space, apps);
        Estimate estimate = estimator.estimate(space, apps, planSet);
        List<AppPlan> plans = new ArrayList<>();
        for (ExecutionPlan plan : planSet.plans()) {
            App app = apps.stream().filter(a -> a.id().equals(plan.appId())).findFirst().orElseThrow();
            plans.add(toContract(plan, app, estimate, gateways, factors));
        }
        for (String appId : planSet.unplaced()) {
            unplaced.add(new UnplacedApp(appId, "no placement on the " + devices.size()
                    + " devices fits every device limit and has the app's source and target capability"));
        }
        return new PlanOutcome(planner.name(), plans, unplaced);
    }

    private AppPlan toContract(ExecutionPlan plan, App app, Estimate estimate, Map<String, String> gateways,
                               Map<String, Double> factors) {
        List<SegmentPlacement> segments = new ArrayList<>();
        for (Segment segment : plan.segments()) {
            segments.add(new SegmentPlacement(segment.from(), segment.to(),
                    segment.devices().stream().map(d -> new DeviceRef(d, gateways.get(d))).toList()));
        }
        AppEstimate figures = estimate.app(plan.appId());
        // a placed app runs at its weight times the rate of the placed apps, also when another is unplaced
        double rate = figures.throughput() > 0 ? figures.throughput() : app.weight() * estimate.placedRate();
        String bottleneck = figures.bottleneck() == null ? "none" : figures.bottleneck().toString();
        String explanation = explain(plan, rate, figures, bottleneck, estimate) + measuredPart(plan, factors);
        return new AppPlan(plan.appId(), app.model(),
                new PlanEnds(new DeviceRef(plan.sourceDevice(), gateways.get(plan.sourceDevice())),
                        new DeviceRef(plan.targetDevice(), gateways.get(plan.targetDevice()))),
                segments, new PlanEstimate(positive(rate), positive(figures.latencyMillis()), bottleneck, explanation));
    }

    private static String explain(ExecutionPlan plan, double rate, AppEstimate figures, String bottleneck,
                                  Estimate estimate) {
        String layout = plan.segments().stream()
                .map(s -> "[" + s.from() + ", " + s.to() + ") on " + String.join(" + ", s.devices()))
                .collect(Collectors.joining(", "));
        String split = plan.segments().size() == 1 ? "the whole network on one device"
                : plan.segments().size() + " segments split at layers " + plan.splits();
        return String.format(Locale.ROOT, "%s: %s; input from %s, result to %s; bottleneck %s; estimated %.2f "
                        + "inferences/s and %.2f ms latency; all apps together at %.2f rounds/s (busiest resource %.1f us "
                        + "per round)", split, layout, plan.sourceDevice(), plan.targetDevice(), bottleneck, rate,
                figures.latencyMillis(), estimate.placedRate(), estimate.roundMicros());
    }

    /** Which of the plan's devices are costed as measured rather than as modelled, and by how much. */
    private static String measuredPart(ExecutionPlan plan, Map<String, Double> factors) {
        String measured = plan.segments().stream().flatMap(s -> s.devices().stream()).distinct()
                .filter(factors::containsKey).sorted()
                .map(d -> String.format(Locale.ROOT, "%s x%.2f", d, factors.get(d)))
                .collect(Collectors.joining(", "));
        return measured.isEmpty() ? "" : "; service times as measured (measured/modelled): " + measured;
    }

    /** The contract wants figures > 0; an idle estimate of 0 becomes the smallest positive double. */
    private static double positive(double value) {
        return value > 0 && !Double.isInfinite(value) ? value : Double.MIN_VALUE;
    }

    private static Set<Capability> capabilities(List<String> names) {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (String name : names) {
            try {
                capabilities.add(Capability.named(name));
            } catch (IllegalArgumentException e) {
                // a capability the planner does not know cannot be an app's source or target
            }
        }
        return capabilities;
    }

    /** Contract link (bytes per second, microseconds) to the core's (kilobits per second, milliseconds). */
    static Link link(LinkDescriptor link) {
        return new Link(link.bandwidthBytesPerSecond() * 8 / 1000.0, link.latencyMicros() / 1000.0);
    }
}
