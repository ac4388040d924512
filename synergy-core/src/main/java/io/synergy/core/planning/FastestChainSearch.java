package io.synergy.core.planning;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds one app's chain placement (one device per segment) with the lowest latency through an idle fleet:
 * a shortest path over (split position, device) where a step is a transfer plus a segment run. Used by the
 * latency-optimal baseline and to seed the {@link PlacementSearch}.
 */
public final class FastestChainSearch {

    private final PlanningProblem problem;

    public FastestChainSearch(PlanningProblem problem) {
        this.problem = problem;
    }

    /**
     * The chain placement of {@code app} over {@code slots} with the lowest latency through an idle
     * fleet (transfers plus segment runs), ignoring other apps; null when no chain fits.
     */
    public Placement fastest(int app, int[] slots) {
        return fastest(app, slots, -1);
    }

    /** As {@link #fastest(int, int[])}, running no segment on device {@code avoid} (-1: none). */
    public Placement fastest(int app, int[] slots, int avoid) {
        int m = slots.length;
        int layers = problem.layers(app);
        double[][] best = new double[layers][m];
        long[][] mask = new long[layers][m];
        int[][] prevSlot = new int[layers][m];
        int[][] prevFrom = new int[layers][m];
        int[][] source = new int[layers][m];
        for (double[] row : best) {
            java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        for (int s = 0; s < m; s++) {
            if (!contains(problem.sources(app), slots[s])) {
                continue;
            }
            for (int i = 0; i < m; i++) {
                if (slots[i] == avoid || problem.table(app, slots[i]).maxTo(0) < 1) {
                    continue;
                }
                double x = problem.transferMicros(slots[s], slots[i], problem.boundaryBytes(app, 0));
                if (x < best[0][i]) {
                    best[0][i] = x;
                    mask[0][i] = 1L << i;
                    prevSlot[0][i] = -1;
                    source[0][i] = s;
                }
            }
        }
        double bestValue = Double.POSITIVE_INFINITY;
        int bestSlot = -1;
        int bestFrom = -1;
        int bestTarget = -1;
        for (int p = 0; p < layers; p++) {
            for (int i = 0; i < m; i++) {
                if (best[p][i] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                SegmentTable tab = problem.table(app, slots[i]);
                for (int q = p + 1; q <= tab.maxTo(p); q++) {
                    double v = best[p][i] + tab.roundMicros(p, q);
                    if (q == layers) {
                        for (int t : problem.targets(app)) {
                            int ts = indexOf(slots, t);
                            if (ts < 0) {
                                continue;
                            }
                            double f = v + problem.transferMicros(slots[i], t, problem.boundaryBytes(app, layers));
                            if (f < bestValue) {
                                bestValue = f;
                                bestSlot = i;
                                bestFrom = p;
                                bestTarget = t;
                            }
                        }
                        continue;
                    }
                    for (int e = 0; e < m; e++) {
                        if (e == i || slots[e] == avoid || (mask[p][i] & (1L << e)) != 0
                                || problem.table(app, slots[e]).maxTo(q) <= q) {
                            continue;
                        }
                        double nv = v + problem.transferMicros(slots[i], slots[e], problem.boundaryBytes(app, q));
                        if (nv < best[q][e]) {
                            best[q][e] = nv;
                            mask[q][e] = mask[p][i] | (1L << e);
                            prevSlot[q][e] = i;
                            prevFrom[q][e] = p;
                            source[q][e] = source[p][i];
                        }
                    }
                }
            }
        }
        if (bestSlot < 0) {
            return null;
        }
        List<int[]> chain = new ArrayList<>();
        int slot = bestSlot;
        int from = bestFrom;
        int src = source[from][slot];
        while (slot >= 0) {
            chain.add(0, new int[] {from, slots[slot]});
            int ps = prevSlot[from][slot];
            int pf = prevFrom[from][slot];
            slot = ps;
            from = pf;
        }
        int[] cuts = new int[chain.size() + 1];
        int[] devices = new int[chain.size()];
        for (int j = 0; j < chain.size(); j++) {
            cuts[j] = chain.get(j)[0];
            devices[j] = chain.get(j)[1];
        }
        cuts[chain.size()] = layers;
        return Placement.chain(app, slots[src], cuts, devices, bestTarget);
    }

    private static boolean contains(int[] values, int v) {
        return indexOf(values, v) >= 0;
    }

    private static int indexOf(int[] values, int v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
