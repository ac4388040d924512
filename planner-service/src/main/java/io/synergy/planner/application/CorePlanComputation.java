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
import io.synergy.core.planning.Resource;
import io.synergy.core.planning.ResourceLoad;
import io.synergy.core.planning.ResourceUse;
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
import java.util.Optional;
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
        Inputs inputs = inputs(snapshot);
        List<App> apps = inputs.apps();
        List<UnplacedApp> unplaced = new ArrayList<>(inputs.unplaced());
        Map<String, String> gateways = inputs.gateways();
        VirtualComputingSpace space = inputs.space();
        List<Device> devices = space.devices();
        if (apps.isEmpty()) {
            return new PlanOutcome(planner.name(), List.of(), unplaced);
        }
        PlanSet planSet = planner.plan(space, apps);
        Estimate estimate = estimator.estimate(space, apps, planSet);
        List<AppPlan> plans = new ArrayList<>();
        for (ExecutionPlan plan : planSet.plans()) {
            App app = apps.stream().filter(a -> a.id().equals(plan.appId())).findFirst().orElseThrow();
            plans.add(toContract(plan, app, estimate, gateways, inputs.factors()));
        }
        for (String appId : planSet.unplaced()) {
            unplaced.add(new UnplacedApp(appId, "no placement on the " + devices.size()
                    + " devices fits every device limit and has the app's source and target capability"));
        }
        return new PlanOutcome(planner.name(), plans, unplaced);
    }

    /**
     * What each device of the snapshot holds and how busy it is under {@code plans} (the plan set in
     * force): its capacity, the resources its segments keep loaded (summed over apps: above the
     * capacity the device reloads weights between them), and the estimator's utilisation of its
     * compute and link at the plan set's estimated rate. Plans naming a device the snapshot no longer
     * has are left out of the utilisation (they are about to be replaced).
     */
    public List<DeviceUsage> usage(SpaceSnapshot snapshot, List<AppPlan> plans) {
        Inputs inputs = inputs(snapshot);
        Map<String, App> apps = new HashMap<>();
        inputs.apps().forEach(app -> apps.put(app.id(), app));
        Map<String, ResourceUse> resident = new HashMap<>();
        Map<String, List<DeviceUsage.Held>> held = new HashMap<>();
        List<ExecutionPlan> estimable = new ArrayList<>();
        for (AppPlan plan : plans) {
            App app = apps.get(plan.appId());
            boolean allPresent = app != null;
            for (SegmentPlacement segment : plan.segments()) {
                for (DeviceRef replica : segment.replicas()) {
                    Optional<Device> device = inputs.space().device(replica.deviceId());
                    if (device.isEmpty() || app == null) {
                        allPresent = false;
                        continue;
                    }
                    held.computeIfAbsent(replica.deviceId(), id -> new ArrayList<>())
                            .add(new DeviceUsage.Held(plan.appId(), segment.fromLayer(), segment.toLayer()));
                    costModel.segment(app.network(), segment.fromLayer(), segment.toLayer(), device.get().type())
                            .ifPresent(cost -> resident.merge(replica.deviceId(), cost.resources(), ResourceUse::plus));
                }
            }
            allPresent = allPresent && inputs.space().device(plan.ends().source().deviceId()).isPresent()
                    && inputs.space().device(plan.ends().target().deviceId()).isPresent();
            if (allPresent) {
                estimable.add(new ExecutionPlan(plan.appId(), plan.ends().source().deviceId(), plan.segments().stream()
                        .map(s -> new Segment(s.fromLayer(), s.toLayer(), s.replicas().stream().map(DeviceRef::deviceId).toList()))
                        .toList(), plan.ends().target().deviceId()));
            }
        }
        Map<String, Double> utilisation = new HashMap<>();
        if (!estimable.isEmpty()) {
            List<App> planned = estimable.stream().map(plan -> apps.get(plan.appId())).toList();
            try {
                Estimate estimate = estimator.estimate(inputs.space(), planned, new PlanSet(1, planner.name(), estimable, List.of()));
                for (ResourceLoad load : estimate.loads()) {
                    utilisation.put(load.resource().toString(), load.utilization());
                }
            } catch (IllegalArgumentException e) {
                // a plan the current inputs no longer admit (e.g. a model re-registered): no utilisation until re-planned
            }
        }
        List<DeviceUsage> usage = new ArrayList<>();
        for (FleetDevice fleetDevice : snapshot.devices()) {
            String id = fleetDevice.id();
            Optional<Device> device = inputs.space().device(id);
            ResourceUse capacity = device.map(d -> inputs.space().capacity(d)).orElse(ResourceUse.NONE);
            usage.add(new DeviceUsage(fleetDevice.descriptor(), fleetDevice.batteryPercent(), device.isPresent(), capacity,
                    resident.getOrDefault(id, ResourceUse.NONE),
                    utilisation.getOrDefault(new Resource(id, Resource.Kind.COMPUTE).toString(), 0.0),
                    utilisation.getOrDefault(new Resource(id, Resource.Kind.LINK).toString(), 0.0),
                    held.getOrDefault(id, List.of())));
        }
        return usage;
    }

    /** The snapshot in the core's terms: the space of costable devices, the apps with registered models. */
    private Inputs inputs(SpaceSnapshot snapshot) {
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
                Capability source = Capability.named(deployed.sourceCapability());
                Capability target = Capability.named(deployed.targetCapability());
                apps.add(deployed.wantedRatePerSecond() > 0
                        ? App.wanting(deployed.appId(), deployed.modelName(), network, source, target,
                                deployed.wantedRatePerSecond())
                        : new App(deployed.appId(), deployed.modelName(), network, source, target));
            } catch (IllegalArgumentException e) {
                unplaced.add(new UnplacedApp(deployed.appId(), e.getMessage()));
            }
        }
        return new Inputs(space, gateways, apps, unplaced, factors);
    }

    /** @param factors measured over modelled service time of the space's devices, where it is not 1 */
    private record Inputs(VirtualComputingSpace space, Map<String, String> gateways, List<App> apps,
                          List<UnplacedApp> unplaced, Map<String, Double> factors) {
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
