package io.synergy.core.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Transfer microseconds per round between each pair of devices, and the odd groups of devices whose
 * links they saturate. A transfer holds the half-duplex links of both its ends, so in a group S of
 * devices at most floor(|S| / 2) transfers inside S can run at once: the transfers inside S need at
 * least 2 x load(S) / (|S| - 1) microseconds per round (for odd |S| >= 3; with the per-device link
 * loads these bounds are exact for fractional schedules, by Edmonds' matching polytope / Seymour's
 * fractional edge colouring). A triangle of busy links is the common case.
 *
 * <p>Pairs are kept in a map keyed by {@link #key}; the devices with transfers and their neighbours are
 * derived on demand (small: only devices that exchange data).
 */
final class PairLoads {

    /** Odd groups larger than three are searched only while this few devices carry transfers. */
    private static final int GROUP_SEARCH_DEVICES = 16;

    private final Map<Long, double[]> loads;

    PairLoads() {
        loads = new HashMap<>();
    }

    private PairLoads(PairLoads other) {
        loads = new HashMap<>(Math.max(16, other.loads.size() * 2));
        for (Map.Entry<Long, double[]> e : other.loads.entrySet()) {
            loads.put(e.getKey(), e.getValue().clone());
        }
    }

    PairLoads copy() {
        return new PairLoads(this);
    }

    static long key(int a, int b) {
        return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }

    void add(long key, double micros) {
        double[] v = loads.get(key);
        if (v == null) {
            v = new double[1];
            loads.put(key, v);
        }
        v[0] += micros;
        if (v[0] < 1e-9) {
            loads.remove(key);
        }
    }

    double get(int a, int b) {
        double[] v = loads.get(key(a, b));
        return v == null ? 0 : v[0];
    }

    /** The busiest odd group, if its bound exceeds {@code floor}: its members and its microseconds per round. */
    record Group(int[] members, double micros) {
    }

    /** Devices with transfers (ascending) and, per such device, the pair loads to the others (dense). */
    private record Dense(int[] active, double[][] pair) {
    }

    private Dense dense() {
        int[] ends = new int[2 * loads.size()];
        int i = 0;
        for (long k : loads.keySet()) {
            ends[i++] = (int) (k >>> 32);
            ends[i++] = (int) k;
        }
        int[] active = Arrays.stream(ends).distinct().sorted().toArray();
        double[][] pair = new double[active.length][active.length];
        for (Map.Entry<Long, double[]> e : loads.entrySet()) {
            int a = Arrays.binarySearch(active, (int) (e.getKey() >>> 32));
            int b = Arrays.binarySearch(active, (int) (long) e.getKey());
            pair[a][b] = e.getValue()[0];
            pair[b][a] = e.getValue()[0];
        }
        return new Dense(active, pair);
    }

    Group busiestGroup(double[] link, double floor) {
        if (loads.size() < 3) {
            return null;
        }
        Dense g = dense();
        int[] active = g.active();
        double[][] pair = g.pair();
        int n = active.length;
        double maxLink = 0;
        for (int d : active) {
            maxLink = Math.max(maxLink, link[d]);
        }
        Group best = null;
        double bound = floor;
        // triangles: the three transfers inside count twice in the members' link loads
        for (int a = 0; a < n; a++) {
            if (link[active[a]] + 2 * maxLink <= 2 * bound) {
                continue;
            }
            for (int b = a + 1; b < n; b++) {
                if (pair[a][b] == 0 || link[active[a]] + link[active[b]] + maxLink <= 2 * bound) {
                    continue;
                }
                for (int c = b + 1; c < n; c++) {
                    if (pair[a][c] == 0 || pair[b][c] == 0) {
                        continue;
                    }
                    double inside = pair[a][b] + pair[a][c] + pair[b][c];
                    if (inside > bound) {
                        bound = inside;
                        best = new Group(new int[] {active[a], active[b], active[c]}, inside);
                    }
                }
            }
        }
        if (n >= 5 && n <= GROUP_SEARCH_DEVICES) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Double.compare(link[active[y]], link[active[x]]));
            for (int size = 5; size <= n; size += 2) {
                double top = 0;
                for (int i = 0; i < size; i++) {
                    top += link[active[order[i]]];
                }
                if (top <= bound * (size - 1)) {
                    continue;
                }
                int[] chosen = new int[size];
                double[] bestBound = {bound};
                int[][] members = {null};
                choose(order, active, pair, link, size, 0, 0, chosen, 0, 0, bestBound, members);
                if (members[0] != null) {
                    bound = bestBound[0];
                    int[] ids = new int[size];
                    for (int i = 0; i < size; i++) {
                        ids[i] = active[members[0][i]];
                    }
                    best = new Group(ids, bound);
                }
            }
        }
        return best;
    }

    /** Depth-first choice of a group of {@code size} (indices into active), pruned by the members' link loads. */
    private static void choose(Integer[] order, int[] active, double[][] pair, double[] link, int size, int start,
                               int count, int[] chosen, double linkSum, double inside, double[] best,
                               int[][] bestMembers) {
        if (count == size) {
            double bound = 2 * inside / (size - 1);
            if (bound > best[0]) {
                best[0] = bound;
                bestMembers[0] = chosen.clone();
            }
            return;
        }
        for (int i = start; i <= order.length - (size - count); i++) {
            double rest = 0;
            for (int j = i; j < i + size - count; j++) {
                rest += link[active[order[j]]];
            }
            // every transfer inside the group is counted in two members' link loads
            if (linkSum + rest <= best[0] * (size - 1)) {
                return;
            }
            int d = order[i];
            double added = 0;
            for (int c = 0; c < count; c++) {
                added += pair[chosen[c]][d];
            }
            chosen[count] = d;
            choose(order, active, pair, link, size, i + 1, count + 1, chosen, linkSum + link[active[d]],
                    inside + added, best, bestMembers);
        }
    }

    /**
     * Every odd group of devices that carry transfers among themselves: all triangles of the transfer
     * graph, and while at most {@code searchLimit} devices carry transfers, every larger odd group with
     * transfers inside. For the fair-share computation, which needs each group as a resource.
     */
    List<int[]> oddGroups(int searchLimit) {
        List<int[]> groups = new ArrayList<>();
        if (loads.isEmpty()) {
            return groups;
        }
        Dense g = dense();
        int[] active = g.active();
        double[][] pair = g.pair();
        int n = active.length;
        if (n <= searchLimit) {
            for (int mask = 0; mask < (1 << n); mask++) {
                int size = Integer.bitCount(mask);
                if (size < 3 || size % 2 == 0) {
                    continue;
                }
                int[] idx = new int[size];
                int i = 0;
                for (int b = 0; b < n; b++) {
                    if ((mask & (1 << b)) != 0) {
                        idx[i++] = b;
                    }
                }
                if (transferInside(pair, idx)) {
                    groups.add(Arrays.stream(idx).map(x -> active[x]).toArray());
                }
            }
            return groups;
        }
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                for (int c = b + 1; c < n && pair[a][b] > 0; c++) {
                    if (pair[a][c] > 0 && pair[b][c] > 0) {
                        groups.add(new int[] {active[a], active[b], active[c]});
                    }
                }
            }
        }
        return groups;
    }

    private static boolean transferInside(double[][] pair, int[] idx) {
        for (int i = 0; i < idx.length; i++) {
            for (int j = i + 1; j < idx.length; j++) {
                if (pair[idx[i]][idx[j]] > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
