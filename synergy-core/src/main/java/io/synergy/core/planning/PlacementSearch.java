package io.synergy.core.planning;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds one app's best chain placement (one device per segment) over a set of candidate devices
 * ("slots", at most 63) by dynamic programming over split positions.
 *
 * <p>For throughput the search minimises the busiest resource the app touches, counting the loads
 * other apps already put there (the background) and the weight reloads its segments would cause on
 * devices that other apps use. A state is (split position, device of the next segment); its labels
 * carry the maximum load finalised so far, the transfer arriving at the device (its link load depends on
 * both the incoming and the outgoing transfer) and the devices used; dominated labels are dropped and a
 * few are kept per state. Ties are broken by the app's total busy time. The result is a heuristic best
 * response (the label bound makes it inexact in rare cases); planners score it exactly with a
 * {@link LoadLedger}.
 */
public final class PlacementSearch {

    private static final int LABELS_PER_STATE = 4;
    private static final double TIE = 1e-9;

    private final PlanningProblem problem;

    public PlacementSearch(PlanningProblem problem) {
        this.problem = problem;
    }

    /** Every device of the problem as slots (for fleets of up to 63 devices). */
    public int[] allDevices() {
        int n = Math.min(problem.deviceCount(), 63);
        int[] slots = new int[n];
        for (int i = 0; i < n; i++) {
            slots[i] = i;
        }
        return slots;
    }

    private static final class Label {
        final double value;
        final double inMicros;
        final double sum;
        final int source;
        final double sourceOut;
        final long mask;
        final Label back;
        final int slot;
        final int from;

        Label(double value, double inMicros, double sum, int source, double sourceOut, long mask, Label back,
              int slot, int from) {
            this.value = value;
            this.inMicros = inMicros;
            this.sum = sum;
            this.source = source;
            this.sourceOut = sourceOut;
            this.mask = mask;
            this.back = back;
            this.slot = slot;
            this.from = from;
        }
    }

    /**
     * The chain placement of {@code app} over {@code slots} that keeps the busiest resource it touches
     * lowest given the background loads (null: an idle fleet), or null when no chain fits.
     */
    public Placement bestForThroughput(int app, LoadLedger background, int[] slots) {
        return bestForThroughput(app, background, slots, -1);
    }

    /**
     * As {@link #bestForThroughput(int, LoadLedger, int[])}, but no segment may run on the device
     * {@code avoid} (it may still be the source or the target); -1 avoids nothing.
     */
    public Placement bestForThroughput(int app, LoadLedger background, int[] slots, int avoid) {
        int m = slots.length;
        if (m > 63) {
            throw new IllegalArgumentException("placement search: at most 63 candidate devices, got " + m);
        }
        int layers = problem.layers(app);
        double w = problem.weight(app);
        SegmentTable[] tab = new SegmentTable[m];
        SegmentTable[] reach = new SegmentTable[m]; // null where no segment may run
        double[] bgCompute = new double[m];
        double[] bgLink = new double[m];
        boolean[] isSource = new boolean[m];
        boolean[] isTarget = new boolean[m];
        for (int i = 0; i < m; i++) {
            int d = slots[i];
            tab[i] = problem.table(app, d);
            reach[i] = d == avoid ? null : tab[i];
            bgCompute[i] = background == null ? 0 : background.computeMicros(d);
            bgLink[i] = background == null ? 0 : background.linkMicros(d);
            isSource[i] = contains(problem.sources(app), d);
            isTarget[i] = contains(problem.targets(app), d);
        }
        @SuppressWarnings("unchecked")
        List<Label>[][] states = new List[layers][m];
        long input = problem.boundaryBytes(app, 0);
        for (int s = 0; s < m; s++) {
            if (!isSource[s]) {
                continue;
            }
            for (int i = 0; i < m; i++) {
                if (maxTo(reach[i], 0) < 1) {
                    continue;
                }
                double x = problem.transferMicros(slots[s], slots[i], input);
                double v = x > 0 ? bgLink[s] + w * x : 0;
                insert(states, 0, i, new Label(v, x, 2 * w * x, s, w * x, 1L << i, null, i, 0));
            }
        }
        double bestValue = Double.POSITIVE_INFINITY;
        double bestSum = Double.POSITIVE_INFINITY;
        Label bestLabel = null;
        int bestTarget = -1;
        long output = problem.boundaryBytes(app, layers);
        for (int p = 0; p < layers; p++) {
            for (int i = 0; i < m; i++) {
                List<Label> list = states[p][i];
                if (list == null) {
                    continue;
                }
                int d = slots[i];
                for (Label lab : list) {
                    if (lab.value > bestValue * (1 + TIE)) {
                        continue;
                    }
                    double linkBase = bgLink[i] + w * lab.inMicros
                            + (lab.source == i && lab.sourceOut > 0 ? lab.sourceOut : 0);
                    int maxTo = maxTo(reach[i], p);
                    for (int q = p + 1; q <= maxTo; q++) {
                        SegmentCost cost = tab[i].cost(p, q);
                        double round = cost.roundMicros();
                        double compute = bgCompute[i] + w * round + reloadExtra(background, d, cost, w);
                        double base = Math.max(lab.value, compute);
                        if (base > bestValue * (1 + TIE)) {
                            continue;
                        }
                        double sumBase = lab.sum + w * round;
                        if (q == layers) {
                            for (int t = 0; t < m; t++) {
                                if (!isTarget[t]) {
                                    continue;
                                }
                                double out = problem.transferMicros(d, slots[t], output);
                                double linkT = t == i ? 0 : bgLink[t] + w * out
                                        + (t == lab.source && lab.sourceOut > 0 ? lab.sourceOut : 0);
                                double f = Math.max(base, Math.max(linkBase + w * out, linkT));
                                double s = sumBase + 2 * w * out;
                                if (f < bestValue * (1 - TIE) || (f <= bestValue * (1 + TIE) && s < bestSum)) {
                                    bestValue = f;
                                    bestSum = s;
                                    bestLabel = lab;
                                    bestTarget = t;
                                }
                            }
                            continue;
                        }
                        long bytes = problem.boundaryBytes(app, q);
                        for (int e = 0; e < m; e++) {
                            if (e == i || (lab.mask & (1L << e)) != 0 || maxTo(reach[e], q) <= q) {
                                continue;
                            }
                            double out = problem.transferMicros(d, slots[e], bytes);
                            double v = Math.max(base, linkBase + w * out);
                            if (v > bestValue * (1 + TIE)) {
                                continue;
                            }
                            insert(states, q, e, new Label(v, out, sumBase + 2 * w * out, lab.source, lab.sourceOut,
                                    lab.mask | (1L << e), lab, e, q));
                        }
                    }
                }
            }
        }
        return bestLabel == null ? null : rebuild(app, slots, bestLabel, slots[bestTarget], layers);
    }

    private static int maxTo(SegmentTable table, int from) {
        return table == null ? from : table.maxTo(from);
    }

    /** The extra compute a segment causes on a shared device whose residents would no longer fit together. */
    private static double reloadExtra(LoadLedger background, int d, SegmentCost cost, double w) {
        if (background == null || background.residents(d) == 0 || background.residentsFitWith(d, cost.resources())) {
            return 0;
        }
        return w * cost.weightLoadMicros() + (background.residentsFit(d) ? background.reloadMicros(d) : 0);
    }

    private static void insert(List<Label>[][] states, int p, int i, Label label) {
        List<Label> list = states[p][i];
        if (list == null) {
            list = new ArrayList<>(LABELS_PER_STATE);
            states[p][i] = list;
        }
        for (Label x : list) {
            if (x.value <= label.value && x.inMicros <= label.inMicros && x.sum <= label.sum) {
                return;
            }
        }
        list.removeIf(x -> label.value <= x.value && label.inMicros <= x.inMicros && label.sum <= x.sum);
        list.add(label);
        if (list.size() > LABELS_PER_STATE) {
            Label worst = list.get(0);
            for (Label x : list) {
                if (x.value > worst.value || (x.value == worst.value && x.sum > worst.sum)) {
                    worst = x;
                }
            }
            list.remove(worst);
        }
    }

    private Placement rebuild(int app, int[] slots, Label last, int target, int layers) {
        List<Label> chain = new ArrayList<>();
        for (Label l = last; l != null; l = l.back) {
            chain.add(0, l);
        }
        int k = chain.size();
        int[] cuts = new int[k + 1];
        int[] devices = new int[k];
        for (int j = 0; j < k; j++) {
            cuts[j] = chain.get(j).from;
            devices[j] = slots[chain.get(j).slot];
        }
        cuts[k] = layers;
        return Placement.chain(app, slots[chain.get(0).source], cuts, devices, target);
    }

    /**
     * The chain placement of {@code app} over {@code slots} with the lowest latency through an idle
     * fleet (transfers plus segment runs), ignoring other apps; null when no chain fits.
     */
    public Placement bestForLatency(int app, int[] slots) {
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
                if (problem.table(app, slots[i]).maxTo(0) < 1) {
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
                        if (e == i || (mask[p][i] & (1L << e)) != 0 || problem.table(app, slots[e]).maxTo(q) <= q) {
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
