package io.synergy.core.planning.synergy;

import io.synergy.core.planning.App;
import io.synergy.core.planning.Assignment;
import io.synergy.core.planning.LoadContribution;
import io.synergy.core.planning.LoadLedger;
import io.synergy.core.planning.Placement;
import io.synergy.core.planning.PlacementSearch;
import io.synergy.core.planning.PlanSet;
import io.synergy.core.planning.Planner;
import io.synergy.core.planning.PlanningProblem;
import io.synergy.core.planning.ThroughputBound;
import io.synergy.core.planning.VirtualComputingSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The Synergy planner: holistic, contention-aware placement of every app's segments with adaptive task
 * parallelisation.
 *
 * <ol>
 *   <li>Candidates: per app, the best chain placements (contiguous splits x devices x source and target
 *       choices) found by {@link PlacementSearch}, which only builds segments that fit the device and
 *       drops dominated partial plans.</li>
 *   <li>Contention: apps are placed heaviest first, each against the loads the others already put on
 *       devices and links (weight reloads on shared devices included), then re-placed in turns until no
 *       turn improves the plan set (a best-response descent). Every placement seen joins the app's
 *       candidate pool, with alternatives that avoid each device of its current placement.</li>
 *   <li>Holistic selection: branch and bound over the pools picks the best combination.</li>
 *   <li>Adaptive task parallelisation: bottleneck segments are replicated onto other devices
 *       ({@link TaskParallelisation}), then the descent runs once more.</li>
 * </ol>
 * Objective: the highest rate at which all apps run together (weighted), i.e. the lowest busiest-resource
 * time per round. A time budget bounds it on large fleets; the best plan set so far is returned.
 */
public final class SynergyPlanner implements Planner {

    public static final String NAME = "synergy";
    /** Joint selection and pool alternatives run on fleets up to this size. */
    private static final int HOLISTIC_DEVICES = 16;
    private static final int MAX_DESCENT_ROUNDS = 50;
    /** Replicated variants added to the pool per candidate before the joint selection. */
    private static final int REPLICA_VARIANTS = 3;

    private final SynergyOptions options;

    public SynergyPlanner(SynergyOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public SynergyPlanner() {
        this(SynergyOptions.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PlanSet plan(VirtualComputingSpace space, List<App> apps) {
        PlanningProblem problem = PlanningProblem.of(space, apps);
        Deadline deadline = new Deadline(options.nanoClock(), options.budget());
        PlacementSearch search = new PlacementSearch(problem);
        List<Set<Placement>> pools = new ArrayList<>();
        for (int a = 0; a < problem.appCount(); a++) {
            pools.add(new LinkedHashSet<>());
        }
        int[] order = heaviestFirst(problem);
        boolean small = problem.deviceCount() <= HOLISTIC_DEVICES;
        Assignment assignment = construct(problem, search, order, pools, deadline);
        if (small && problem.appCount() > 1 && !deadline.passed()) {
            // a second start, lightest first: the descent's local optimum depends on the order, and both
            // starts' placements enrich the pools of the joint selection
            int[] reversed = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                reversed[i] = order[order.length - 1 - i];
            }
            Assignment other = construct(problem, search, reversed, pools, deadline);
            if (other.score().betterThan(assignment.score())) {
                assignment = other;
            }
        }
        if (small && !deadline.passed()) {
            addAlternatives(problem, search, assignment, pools);
            addReplicaVariants(problem, pools);
            new JointSelection(problem, options.selectionNodes(), deadline).select(assignment, pools, order);
            descend(problem, search, assignment, order, pools, deadline);
        }
        if (options.maxReplicas() > 1 && !deadline.passed()) {
            int added = new TaskParallelisation(problem, options, deadline).replicate(assignment,
                    small ? pools : List.of());
            if (added > 0) {
                descend(problem, search, assignment, order, pools, deadline);
            }
        }
        return assignment.toPlanSet(NAME);
    }

    /** Places the apps in the given order, each against the ones before, then descends. */
    private Assignment construct(PlanningProblem problem, PlacementSearch search, int[] order,
                                 List<Set<Placement>> pools, Deadline deadline) {
        Assignment assignment = new Assignment(problem);
        for (int a : order) {
            Placement p = bestResponse(problem, search, assignment, a);
            if (p != null) {
                assignment.set(a, p);
                pools.get(a).add(p);
            }
        }
        descend(problem, search, assignment, order, pools, deadline);
        return assignment;
    }

    /**
     * The app's best placement against the others' loads. A placed app only moves for an improvement,
     * so the search is bounded by the current busiest resource.
     */
    private Placement bestResponse(PlanningProblem problem, PlacementSearch search, Assignment assignment, int app) {
        LoadLedger background = assignment.ledgerWithout(app);
        int[] slots = Shortlist.of(problem, background, app, assignment.placement(app), options.shortlist());
        double bound = assignment.placement(app) == null ? Double.POSITIVE_INFINITY
                : assignment.ledger().maxLoadMicros() * (1 + 1e-9);
        return search.bestForThroughput(app, background, slots, -1, bound);
    }

    /** Re-places one app at a time against the others until a whole round improves nothing. */
    private void descend(PlanningProblem problem, PlacementSearch search, Assignment assignment, int[] order,
                         List<Set<Placement>> pools, Deadline deadline) {
        for (int round = 0; round < MAX_DESCENT_ROUNDS && !deadline.passed(); round++) {
            boolean improved = false;
            for (int a : order) {
                if (deadline.passed()) {
                    return;
                }
                if (assignment.placement(a) == null) {
                    continue;
                }
                Placement p = bestResponse(problem, search, assignment, a);
                if (p != null) {
                    pools.get(a).add(p);
                    improved |= assignment.tryReplace(a, p);
                }
                if (touchesBottleneck(problem, assignment, a)) {
                    improved |= LocalMoves.improve(problem, assignment, a, Shortlist.of(problem, assignment.ledger(),
                            a, assignment.placement(a), options.shortlist()));
                }
            }
            if (!improved) {
                return;
            }
        }
    }

    /**
     * Whether the app uses a device of the busiest resource: only such an app's small moves can lower the
     * maximum.
     */
    private static boolean touchesBottleneck(PlanningProblem problem, Assignment assignment, int app) {
        Placement p = assignment.placement(app);
        io.synergy.core.planning.Resource r = assignment.ledger().bottleneck();
        if (p == null || r == null) {
            return false;
        }
        for (String id : r.deviceId().split("\\+")) {
            int d = problem.deviceIndex(id);
            if (d >= 0 && (p.uses(d) || p.source() == d || p.target() == d)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds, per app, its best placements that run no segment on one device of its current placement
     * (against the others' loads and on the idle fleet), and its best placements were one other app
     * gone: the material for a joint change of several apps, which one app's best response cannot see.
     */
    private void addAlternatives(PlanningProblem problem, PlacementSearch search, Assignment assignment,
                                 List<Set<Placement>> pools) {
        int[] all = search.allDevices();
        // a placement worth combining keeps its own busiest resource below the current maximum, even alone;
        // against other apps' loads (which a combination may move) it may look up to twice as busy
        double bound = assignment.ledger().maxLoadMicros() * (1 + 1e-9);
        double loaded = 2 * bound;
        for (int a = 0; a < problem.appCount(); a++) {
            Placement current = assignment.placement(a);
            if (current == null) {
                continue;
            }
            LoadLedger background = assignment.ledgerWithout(a);
            for (int avoid : all) {
                if (!current.uses(avoid)) {
                    continue;
                }
                addIfPlaced(pools.get(a), search.bestForThroughput(a, background, all, avoid, loaded));
                addIfPlaced(pools.get(a), search.bestForThroughput(a, null, all, avoid, bound));
            }
            addIfPlaced(pools.get(a), search.bestForThroughput(a, null, all, -1, bound));
            addWholeModelPlacements(problem, a, pools.get(a));
            for (int b = 0; b < problem.appCount(); b++) {
                if (b != a && assignment.placement(b) != null) {
                    LoadLedger without = background.copy();
                    without.remove(LoadContribution.of(problem, assignment.placement(b)));
                    addIfPlaced(pools.get(a), search.bestForThroughput(a, without, all, -1, loaded));
                }
            }
        }
    }

    /**
     * The whole model on each device it fits, fed by the nearest source and feeding the nearest target:
     * the starting points for replicating a whole model over several devices.
     */
    private static void addWholeModelPlacements(PlanningProblem problem, int app, Set<Placement> pool) {
        int layers = problem.layers(app);
        for (int d = 0; d < problem.deviceCount(); d++) {
            if (!problem.table(app, d).fits(0, layers)) {
                continue;
            }
            int source = nearest(problem, problem.sources(app), d, problem.boundaryBytes(app, 0));
            int target = nearest(problem, problem.targets(app), d, problem.boundaryBytes(app, layers));
            if (source >= 0 && target >= 0) {
                pool.add(Placement.chain(app, source, new int[] {0, layers}, new int[] {d}, target));
            }
        }
    }

    /** The candidate with the cheapest transfer of {@code bytes} to or from device d (d itself costs nothing). */
    private static int nearest(PlanningProblem problem, int[] candidates, int d, long bytes) {
        int best = -1;
        double bestMicros = Double.POSITIVE_INFINITY;
        for (int c : candidates) {
            double micros = problem.transferMicros(c, d, bytes);
            if (micros < bestMicros) {
                best = c;
                bestMicros = micros;
            }
        }
        return best;
    }

    private static void addIfPlaced(Set<Placement> pool, Placement p) {
        if (p != null) {
            pool.add(p);
        }
    }

    /**
     * Adds to each pool, per candidate, its few best variants with one more replica (those that lower
     * the app's own busiest resource): replication that only pays off together with another app's move
     * is then within reach of the joint selection.
     */
    private void addReplicaVariants(PlanningProblem problem, List<Set<Placement>> pools) {
        for (int a = 0; a < problem.appCount(); a++) {
            List<Placement> bases = new ArrayList<>(pools.get(a));
            for (Placement base : bases) {
                double own = LoadContribution.of(problem, base).ownMaxMicros();
                List<LoadContribution> variants = new ArrayList<>();
                for (int j = 0; j < base.segmentCount(); j++) {
                    if (base.replicas(j).length >= options.maxReplicas()) {
                        continue;
                    }
                    for (int d = 0; d < problem.deviceCount(); d++) {
                        if (!base.uses(d) && problem.table(a, d).fits(base.from(j), base.to(j))) {
                            LoadContribution c = LoadContribution.of(problem, base.withReplica(j, d));
                            if (c.ownMaxMicros() < own * (1 - 1e-9)) {
                                variants.add(c);
                            }
                        }
                    }
                }
                variants.sort(Comparator.comparingDouble(LoadContribution::ownMaxMicros));
                for (int i = 0; i < Math.min(REPLICA_VARIANTS, variants.size()); i++) {
                    pools.get(a).add(variants.get(i).placement());
                }
            }
        }
    }

    /** Apps ordered by their least work per inference, heaviest first (unplaceable ones last). */
    private static int[] heaviestFirst(PlanningProblem problem) {
        double[] work = new double[problem.appCount()];
        for (int a = 0; a < problem.appCount(); a++) {
            double least = ThroughputBound.leastWorkMicros(problem, a);
            work[a] = Double.isInfinite(least) ? -1 : problem.weight(a) * least;
        }
        return IntStream.range(0, problem.appCount()).boxed()
                .sorted(Comparator.<Integer>comparingDouble(a -> -work[a]).thenComparingInt(a -> a))
                .mapToInt(Integer::intValue).toArray();
    }
}
