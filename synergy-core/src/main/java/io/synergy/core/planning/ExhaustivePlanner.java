package io.synergy.core.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The true optimum by exhaustive search, for small instances. The plan space is the Synergy planner's:
 * per app any source and target device with the capabilities, any contiguous split, and per segment
 * any non-empty set of devices (replicas) that each fit it, no device running two segments of one app.
 * Every placement of every app is enumerated; placements whose loads, reloads and memory use are all
 * no better on every device than another's are dropped (exactly dominated: they can never be part of a
 * better plan set); branch and bound over the rest finds the plan set with the best {@link PlanScore}.
 * Throws {@link InstanceTooLargeException} rather than return an inexact answer.
 */
public final class ExhaustivePlanner implements Planner {

    public static final String NAME = "exhaustive";

    /**
     * @param maxDevices           largest fleet searched
     * @param maxPlacementsPerApp  most placements enumerated per app
     * @param maxComparisons       most dominance comparisons per app
     * @param maxNodes             most branch-and-bound nodes
     * @param maxReplicas          most devices per segment (the Synergy planner's limit)
     */
    public record Limits(int maxDevices, int maxPlacementsPerApp, long maxComparisons, long maxNodes,
                         int maxReplicas) {
        /** 5 devices, 100,000 placements and 200 million dominance comparisons per app, 20 million nodes. */
        public static Limits defaults() {
            return new Limits(5, 100_000, 200_000_000L, 20_000_000L, 8);
        }
    }

    private final Limits limits;

    public ExhaustivePlanner(Limits limits) {
        this.limits = limits;
    }

    public ExhaustivePlanner() {
        this(Limits.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PlanSet plan(VirtualComputingSpace space, List<App> apps) {
        PlanningProblem problem = PlanningProblem.of(space, apps);
        if (problem.deviceCount() > limits.maxDevices()) {
            throw new InstanceTooLargeException("exhaustive search: " + problem.deviceCount()
                    + " devices exceed the limit of " + limits.maxDevices());
        }
        int appCount = problem.appCount();
        List<List<LoadContribution>> candidates = new ArrayList<>();
        for (int a = 0; a < appCount; a++) {
            List<Placement> all = enumerate(problem, a);
            List<LoadContribution> front = ParetoFront.of(problem, all, limits.maxComparisons());
            front.sort(Comparator.comparingDouble(LoadContribution::ownMaxMicros));
            candidates.add(front);
        }
        Integer[] order = new Integer[appCount];
        for (int a = 0; a < appCount; a++) {
            order[a] = a;
        }
        // heaviest first: its cheapest placement is the strongest early bound
        java.util.Arrays.sort(order, Comparator.<Integer>comparingDouble(
                a -> candidates.get(a).isEmpty() ? 0 : -candidates.get(a).get(0).ownMaxMicros()));
        Search search = new Search(problem, candidates, order, limits.maxNodes());
        Placement[] best = search.run();
        Assignment result = new Assignment(problem);
        for (int a = 0; a < appCount; a++) {
            result.set(a, best[a]);
        }
        return result.toPlanSet(NAME);
    }

    private List<Placement> enumerate(PlanningProblem problem, int app) {
        List<Placement> out = new ArrayList<>();
        int n = problem.deviceCount();
        int layers = problem.layers(app);
        for (int s : problem.sources(app)) {
            for (int t : problem.targets(app)) {
                extend(problem, app, s, t, 0, 0, new ArrayList<>(), new ArrayList<>(), layers, n, out);
            }
        }
        return out;
    }

    private void extend(PlanningProblem problem, int app, int source, int target, int from, int used,
                        List<Integer> cuts, List<int[]> sets, int layers, int n, List<Placement> out) {
        for (int to = from + 1; to <= layers; to++) {
            int available = 0;
            for (int d = 0; d < n; d++) {
                if ((used & (1 << d)) == 0 && problem.table(app, d).fits(from, to)) {
                    available |= 1 << d;
                }
            }
            for (int sub = available; sub != 0; sub = (sub - 1) & available) {
                if (Integer.bitCount(sub) > limits.maxReplicas()) {
                    continue;
                }
                cuts.add(from);
                sets.add(devices(sub));
                if (to == layers) {
                    if (out.size() >= limits.maxPlacementsPerApp()) {
                        throw new InstanceTooLargeException("exhaustive search: app " + problem.app(app).id()
                                + " has more than " + limits.maxPlacementsPerApp() + " placements on "
                                + n + " devices");
                    }
                    int[] c = new int[cuts.size() + 1];
                    for (int i = 0; i < cuts.size(); i++) {
                        c[i] = cuts.get(i);
                    }
                    c[cuts.size()] = layers;
                    out.add(new Placement(app, source, c, sets.toArray(new int[0][]), target));
                } else {
                    extend(problem, app, source, target, to, used | sub, cuts, sets, layers, n, out);
                }
                cuts.remove(cuts.size() - 1);
                sets.remove(sets.size() - 1);
            }
        }
    }

    private static int[] devices(int mask) {
        int[] result = new int[Integer.bitCount(mask)];
        int i = 0;
        for (int d = 0; mask != 0; d++, mask >>>= 1) {
            if ((mask & 1) != 0) {
                result[i++] = d;
            }
        }
        return result;
    }

    /** Branch and bound over the apps' non-dominated placements. */
    private static final class Search {
        private final PlanningProblem problem;
        private final List<List<LoadContribution>> candidates;
        private final Integer[] order;
        private final long maxNodes;
        private final LoadLedger ledger;
        private final Placement[] choice;
        private Placement[] best;
        private PlanScore bestScore;
        private long nodes;
        private final int placeable;

        Search(PlanningProblem problem, List<List<LoadContribution>> candidates, Integer[] order, long maxNodes) {
            this.problem = problem;
            this.candidates = candidates;
            this.order = order;
            this.maxNodes = maxNodes;
            this.ledger = new LoadLedger(problem);
            this.choice = new Placement[problem.appCount()];
            int count = 0;
            for (List<LoadContribution> c : candidates) {
                count += c.isEmpty() ? 0 : 1;
            }
            this.placeable = count;
            this.best = new Placement[problem.appCount()];
            this.bestScore = new PlanScore(placeable, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        }

        Placement[] run() {
            search(0);
            return best;
        }

        private void search(int depth) {
            if (depth == order.length) {
                PlanScore s = PlanScore.of(ledger, placeable);
                if (s.betterThan(bestScore)) {
                    bestScore = s;
                    best = choice.clone();
                }
                return;
            }
            int app = order[depth];
            List<LoadContribution> list = candidates.get(app);
            if (list.isEmpty()) {
                search(depth + 1);
                return;
            }
            for (LoadContribution c : list) {
                if (++nodes > maxNodes) {
                    throw new InstanceTooLargeException("exhaustive search: more than " + maxNodes
                            + " branch-and-bound nodes for " + problem.appCount() + " apps on "
                            + problem.deviceCount() + " devices");
                }
                if (c.ownMaxMicros() > bestScore.maxLoadMicros() * (1 + PlanScore.TIE)) {
                    break;
                }
                ledger.add(c);
                if (ledger.maxLoadMicros() <= bestScore.maxLoadMicros() * (1 + PlanScore.TIE)) {
                    choice[app] = c.placement();
                    search(depth + 1);
                    choice[app] = null;
                }
                ledger.remove(c);
            }
        }
    }
}
