package io.synergy.core.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drops placements that are exactly dominated: another placement of the same app puts no more compute,
 * reload, link load, weight, bias or layer use on any device and no more transfer time between any two. With loads only growing when apps are
 * added and reloads triggered only by more memory use, a dominated placement is never needed for an
 * optimal plan set.
 *
 * <p>A placement can only dominate one that touches a superset of its resources, so candidates are
 * bucketed by the set of resources they touch and each is compared with the fronts of its subsets only.
 */
final class ParetoFront {

    private static final int DIMENSIONS = 6;

    private ParetoFront() {
    }

    /** The non-dominated placements; throws when that takes more than {@code maxComparisons}. */
    static List<LoadContribution> of(PlanningProblem problem, List<Placement> placements, long maxComparisons) {
        int n = problem.deviceCount();
        if (2 * n > 30) {
            throw new InstanceTooLargeException("pareto front: " + n + " devices exceed the limit of 15");
        }
        int size = placements.size();
        List<LoadContribution> contributions = new ArrayList<>(size);
        double[][] vectors = new double[size][];
        int[] masks = new int[size];
        double[] sums = new double[size];
        for (int i = 0; i < size; i++) {
            LoadContribution c = LoadContribution.of(problem, placements.get(i));
            contributions.add(c);
            vectors[i] = vector(c, n);
            masks[i] = mask(c, n);
            double s = 0;
            for (double v : vectors[i]) {
                s += v;
            }
            sums[i] = s;
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> sums[i]));
        Map<Integer, List<Integer>> fronts = new HashMap<>();
        List<Integer> kept = new ArrayList<>();
        long comparisons = 0;
        for (int i : order) {
            int m = masks[i];
            boolean dominated = false;
            for (int sub = m; !dominated; sub = (sub - 1) & m) {
                List<Integer> front = fronts.get(sub);
                if (front != null) {
                    for (int f : front) {
                        if (dominates(vectors[f], vectors[i])) {
                            dominated = true;
                            break;
                        }
                    }
                    comparisons += front.size();
                    if (comparisons > maxComparisons) {
                        throw new InstanceTooLargeException("pareto front: more than " + maxComparisons
                                + " comparisons for " + size + " placements of app "
                                + problem.app(contributions.get(i).placement().app()).id());
                    }
                }
                if (sub == 0) {
                    break;
                }
            }
            if (!dominated) {
                fronts.computeIfAbsent(m, k -> new ArrayList<>()).add(i);
                kept.add(i);
            }
        }
        List<LoadContribution> result = new ArrayList<>(kept.size());
        for (int i : kept) {
            result.add(contributions.get(i));
        }
        return result;
    }

    /** a <= b in every dimension (a may equal b: the first of equals is kept). */
    private static boolean dominates(double[] a, double[] b) {
        for (int k = 0; k < a.length; k++) {
            if (a[k] > b[k] * (1 + 1e-12) + 1e-12) {
                return false;
            }
        }
        return true;
    }

    /** Bit d: compute of device d used; bit n + d: link of device d used. */
    private static int mask(LoadContribution c, int n) {
        int m = 0;
        for (int d : c.computeDevice) {
            m |= 1 << d;
        }
        for (int d : c.linkDevice) {
            m |= 1 << (n + d);
        }
        return m;
    }

    private static double[] vector(LoadContribution c, int n) {
        double[] v = new double[DIMENSIONS * n + n * n];
        for (int i = 0; i < c.computeDevice.length; i++) {
            int base = DIMENSIONS * c.computeDevice[i];
            v[base] += c.computeMicros[i];
            v[base + 1] += c.reloadMicros[i];
            v[base + 3] += c.resources[i].weightBytes();
            v[base + 4] += c.resources[i].biasBytes();
            v[base + 5] += c.resources[i].layers();
        }
        for (int i = 0; i < c.linkDevice.length; i++) {
            v[DIMENSIONS * c.linkDevice[i] + 2] += c.linkMicros[i];
        }
        for (int i = 0; i < c.pairKey.length; i++) {
            int a = (int) (c.pairKey[i] >>> 32);
            int b = (int) c.pairKey[i];
            v[DIMENSIONS * n + a * n + b] += c.pairMicros[i];
        }
        return v;
    }
}
