package io.synergy.core.planning;

import io.synergy.core.topology.Capability;
import java.util.ArrayList;
import java.util.List;

/**
 * The analytical throughput and latency of a plan set. Every resource (each device's compute, each
 * device's link) is busy some microseconds per round; the pipeline sustains one round per the busiest
 * resource's time. All planners are scored by this estimator; the pipeline simulator checks it.
 */
public final class ThroughputEstimator {

    /** Checks the plan set against the space and the apps, then estimates it. */
    public Estimate estimate(VirtualComputingSpace space, List<App> apps, PlanSet plans) {
        PlanningProblem problem = PlanningProblem.of(space, apps);
        return estimate(problem, placements(problem, plans));
    }

    /**
     * Converts a plan set to index form, checking that each plan belongs to a known app, covers its
     * network, fits every device it names, and starts and ends at devices with the app's source and
     * target capability.
     */
    public static Placement[] placements(PlanningProblem problem, PlanSet plans) {
        Placement[] result = new Placement[problem.appCount()];
        for (ExecutionPlan plan : plans.plans()) {
            int app = -1;
            for (int a = 0; a < problem.appCount(); a++) {
                if (problem.app(a).id().equals(plan.appId())) {
                    app = a;
                }
            }
            if (app < 0) {
                throw new IllegalArgumentException("plan for unknown app " + plan.appId());
            }
            Placement p = Placement.of(problem, app, plan);
            check(problem, plan, p);
            result[app] = p;
        }
        return result;
    }

    private static void check(PlanningProblem problem, ExecutionPlan plan, Placement p) {
        App app = problem.app(p.app());
        int layers = problem.layers(p.app());
        if (plan.layers() != layers) {
            throw new IllegalArgumentException("plan " + plan.appId() + ": covers " + plan.layers()
                    + " layers, the network " + app.model() + " has " + layers);
        }
        requireCapability(problem, plan, p.source(), app.source());
        requireCapability(problem, plan, p.target(), app.target());
        for (int j = 0; j < p.segmentCount(); j++) {
            for (int d : p.replicas(j)) {
                if (!problem.table(p.app(), d).fits(p.from(j), p.to(j))) {
                    throw new IllegalArgumentException("plan " + plan.appId() + ": segment [" + p.from(j) + ", "
                            + p.to(j) + ") does not fit device " + problem.device(d).id() + " ("
                            + problem.device(d).type() + ")");
                }
            }
        }
    }

    private static void requireCapability(PlanningProblem problem, ExecutionPlan plan, int device, Capability c) {
        if (!problem.device(device).has(c)) {
            throw new IllegalArgumentException("plan " + plan.appId() + ": device " + problem.device(device).id()
                    + " has no " + c.id());
        }
    }

    /** Estimates placements in index form; a null entry is an unplaced app. */
    public Estimate estimate(PlanningProblem problem, Placement[] placements) {
        LoadLedger ledger = new LoadLedger(problem);
        LoadContribution[] contributions = new LoadContribution[placements.length];
        for (int a = 0; a < placements.length; a++) {
            if (placements[a] != null) {
                contributions[a] = LoadContribution.of(problem, placements[a]);
                ledger.add(contributions[a]);
            }
        }
        double round = ledger.maxLoadMicros();
        double rate = round > 0 ? 1e6 / round : 0;
        ResourceLoad group = ledger.busiestLinkGroup(singleMax(ledger, problem) * (1 + PlanScore.TIE));
        double[] fair = FairShare.rates(problem, ledger, contributions);
        boolean all = true;
        double sum = 0;
        List<AppEstimate> apps = new ArrayList<>();
        for (int a = 0; a < placements.length; a++) {
            String id = problem.app(a).id();
            if (placements[a] == null) {
                all = false;
                apps.add(new AppEstimate(id, false, 0, 0, null));
                continue;
            }
            double throughput = fair[a];
            sum += throughput;
            apps.add(new AppEstimate(id, true, throughput, latencyMicros(problem, ledger, placements[a]) / 1000.0,
                    appBottleneck(problem, ledger, contributions[a], group)));
        }
        List<ResourceLoad> loads = new ArrayList<>();
        for (int d = 0; d < problem.deviceCount(); d++) {
            String id = problem.device(d).id();
            double c = ledger.computeMicros(d);
            double l = ledger.linkMicros(d);
            loads.add(new ResourceLoad(new Resource(id, Resource.Kind.COMPUTE), c, round > 0 ? c / round : 0));
            loads.add(new ResourceLoad(new Resource(id, Resource.Kind.LINK), l, round > 0 ? l / round : 0));
        }
        if (group != null) {
            loads.add(new ResourceLoad(group.resource(), group.microsPerRound(), group.microsPerRound() / round));
        }
        return new Estimate(all ? rate : 0, rate, sum, round, ledger.bottleneck(), apps, loads);
    }

    /**
     * One inference through an idle pipeline, averaged over the replica cycle: every transfer, every
     * segment run, and the weight reload on devices that reload.
     */
    static double latencyMicros(PlanningProblem problem, LoadLedger ledger, Placement p) {
        int app = p.app();
        long cycle = 1;
        for (int j = 0; j < p.segmentCount(); j++) {
            cycle = cycle * p.replicas(j).length / gcd(cycle, p.replicas(j).length);
        }
        double total = 0;
        for (long n = 0; n < cycle; n++) {
            int prev = p.source();
            for (int j = 0; j < p.segmentCount(); j++) {
                int[] r = p.replicas(j);
                int d = r[(int) (n % r.length)];
                total += problem.transferMicros(prev, d, problem.boundaryBytes(app, p.from(j)));
                SegmentCost cost = problem.table(app, d).cost(p.from(j), p.to(j));
                total += cost.roundMicros() + (ledger.residentsFit(d) ? 0 : cost.weightLoadMicros());
                prev = d;
            }
            total += problem.transferMicros(prev, p.target(), problem.boundaryBytes(app, problem.layers(app)));
        }
        return total / cycle;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static double singleMax(LoadLedger ledger, PlanningProblem problem) {
        double max = 0;
        for (int d = 0; d < problem.deviceCount(); d++) {
            max = Math.max(max, Math.max(ledger.computeMicros(d), ledger.linkMicros(d)));
        }
        return max;
    }

    /** The busiest resource the app uses: its devices' compute and links, or a saturated group it sends within. */
    private static Resource appBottleneck(PlanningProblem problem, LoadLedger ledger, LoadContribution c,
                                          ResourceLoad group) {
        double max = -1;
        Resource best = null;
        for (int d : c.computeDevices()) {
            if (ledger.computeMicros(d) > max) {
                max = ledger.computeMicros(d);
                best = new Resource(problem.device(d).id(), Resource.Kind.COMPUTE);
            }
        }
        for (int d : c.linkDevices()) {
            if (ledger.linkMicros(d) > max) {
                max = ledger.linkMicros(d);
                best = new Resource(problem.device(d).id(), Resource.Kind.LINK);
            }
        }
        if (group != null && group.microsPerRound() > max) {
            java.util.List<String> members = java.util.List.of(group.resource().deviceId().split("\\+"));
            for (int d : c.linkDevices()) {
                if (members.contains(problem.device(d).id())) {
                    return group.resource();
                }
            }
        }
        return best;
    }
}
