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
 */
final class PairLoads {

    /** Odd groups larger than three are searched only while this few devices carry transfers. */
    private static final int GROUP_SEARCH_DEVICES = 16;

    private final Map<Long, double[]> loads;

    PairLoads() {
        loads = new HashMap<>();
    }

    private PairLoads(PairLoads other) {
        loads = new HashMap<>(other.loads.size() * 2);
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
        double[] v = loads.computeIfAbsent(key, k -> new double[1]);
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

    Group busiestGroup(double[] link, double floor) {
        if (loads.size() < 3) {
            return null;
        }
        Map<Integer, List<Integer>> adjacent = new HashMap<>();
        for (long k : loads.keySet()) {
            int a = (int) (k >>> 32);
            int b = (int) k;
            adjacent.computeIfAbsent(a, x -> new ArrayList<>()).add(b);
            adjacent.computeIfAbsent(b, x -> new ArrayList<>()).add(a);
        }
        Group best = null;
        double bound = floor;
        double maxLink = 0;
        for (int d : adjacent.keySet()) {
            maxLink = Math.max(maxLink, link[d]);
        }
        // triangles: the three transfers inside count twice in the members' link loads
        for (long k : loads.keySet()) {
            int a = (int) (k >>> 32);
            int b = (int) k;
            if (link[a] + link[b] + maxLink <= 2 * bound) {
                continue;
            }
            for (int c : adjacent.get(a)) {
                if (c <= b) {
                    continue;
                }
                double ac = get(a, c);
                double bc = get(b, c);
                if (ac == 0 || bc == 0) {
                    continue;
                }
                double inside = loads.get(k)[0] + ac + bc;
                if (inside > bound) {
                    bound = inside;
                    best = new Group(new int[] {a, b, c}, inside);
                }
            }
        }
        if (adjacent.size() <= GROUP_SEARCH_DEVICES) {
            Integer[] active = adjacent.keySet().toArray(new Integer[0]);
            Arrays.sort(active, (x, y) -> Double.compare(link[y], link[x]));
            for (int size = 5; size <= active.length; size += 2) {
                double top = 0;
                for (int i = 0; i < size; i++) {
                    top += link[active[i]];
                }
                if (top <= bound * (size - 1)) {
                    continue;
                }
                Group g = largest(active, link, size, bound);
                if (g != null) {
                    bound = g.micros;
                    best = g;
                }
            }
        }
        return best;
    }

    /**
     * Every odd group of devices that carry transfers among themselves: all triangles of the transfer
     * graph, and while at most {@code searchLimit} devices carry transfers, every larger odd group with
     * transfers inside. For the fair-share computation, which needs each group as a resource.
     */
    List<int[]> oddGroups(int searchLimit) {
        Map<Integer, List<Integer>> adjacent = new HashMap<>();
        for (long k : loads.keySet()) {
            int a = (int) (k >>> 32);
            int b = (int) k;
            adjacent.computeIfAbsent(a, x -> new ArrayList<>()).add(b);
            adjacent.computeIfAbsent(b, x -> new ArrayList<>()).add(a);
        }
        List<int[]> groups = new ArrayList<>();
        Integer[] active = adjacent.keySet().toArray(new Integer[0]);
        Arrays.sort(active);
        if (active.length <= searchLimit) {
            int n = active.length;
            for (int mask = 0; mask < (1 << n); mask++) {
                int size = Integer.bitCount(mask);
                if (size < 3 || size % 2 == 0) {
                    continue;
                }
                int[] members = new int[size];
                int i = 0;
                for (int b = 0; b < n; b++) {
                    if ((mask & (1 << b)) != 0) {
                        members[i++] = active[b];
                    }
                }
                if (hasTransferInside(members)) {
                    groups.add(members);
                }
            }
            return groups;
        }
        for (long k : loads.keySet()) {
            int a = (int) (k >>> 32);
            int b = (int) k;
            for (int c : adjacent.get(a)) {
                if (c > b && get(b, c) > 0) {
                    groups.add(new int[] {a, b, c});
                }
            }
        }
        return groups;
    }

    private boolean hasTransferInside(int[] members) {
        for (int i = 0; i < members.length; i++) {
            for (int j = i + 1; j < members.length; j++) {
                if (get(members[i], members[j]) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The odd group of exactly {@code size} devices with the largest bound above {@code floor}, or null. */
    private Group largest(Integer[] active, double[] link, int size, double floor) {
        int[] chosen = new int[size];
        double[] best = {floor};
        int[][] bestMembers = {null};
        choose(active, link, size, 0, 0, chosen, 0, 0, best, bestMembers);
        return bestMembers[0] == null ? null : new Group(bestMembers[0], best[0]);
    }

    private void choose(Integer[] active, double[] link, int size, int start, int count, int[] chosen,
                        double linkSum, double inside, double[] best, int[][] bestMembers) {
        if (count == size) {
            double bound = 2 * inside / (size - 1);
            if (bound > best[0]) {
                best[0] = bound;
                bestMembers[0] = chosen.clone();
            }
            return;
        }
        for (int i = start; i <= active.length - (size - count); i++) {
            double rest = 0;
            for (int j = i; j < i + size - count; j++) {
                rest += link[active[j]];
            }
            // every transfer inside the group is counted in two members' link loads
            if (linkSum + rest <= best[0] * (size - 1)) {
                return;
            }
            int d = active[i];
            double added = 0;
            for (int c = 0; c < count; c++) {
                added += get(chosen[c], d);
            }
            chosen[count] = d;
            choose(active, link, size, i + 1, count + 1, chosen, linkSum + link[d], inside + added, best,
                    bestMembers);
        }
    }
}
