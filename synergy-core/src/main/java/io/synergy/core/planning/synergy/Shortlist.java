package io.synergy.core.planning.synergy;

import io.synergy.core.planning.LoadLedger;
import io.synergy.core.planning.Placement;
import io.synergy.core.planning.PlanningProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The candidate devices one app's placement search considers. On a small fleet: every device. On a
 * large one: the least loaded source and target devices, the devices of the app's current placement,
 * and then the least loaded devices (larger accelerators first among equals), up to the size limit.
 * This keeps the search's cost independent of the fleet size.
 */
final class Shortlist {

    private static final int ENDPOINTS = 3;
    /** The placement search's limit on candidate devices. */
    private static final int MAX_SLOTS = 63;

    private Shortlist() {
    }

    static int[] of(PlanningProblem problem, LoadLedger ledger, int app, Placement current, int size) {
        int n = problem.deviceCount();
        if (n <= size) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        addLeastLoaded(chosen, problem.sources(app), ledger, ENDPOINTS);
        addLeastLoaded(chosen, problem.targets(app), ledger, ENDPOINTS);
        if (current != null) {
            chosen.add(current.source());
            chosen.add(current.target());
            for (int j = 0; j < current.segmentCount(); j++) {
                for (int d : current.replicas(j)) {
                    chosen.add(d);
                }
            }
        }
        List<Integer> rest = new ArrayList<>(n);
        for (int d = 0; d < n; d++) {
            if (!chosen.contains(d)) {
                rest.add(d);
            }
        }
        rest.sort(Comparator.<Integer>comparingDouble(d -> load(ledger, d))
                .thenComparing(d -> -problem.capacity(d).weightBytes())
                .thenComparingInt(d -> d));
        for (int d : rest) {
            if (chosen.size() >= size) {
                break;
            }
            chosen.add(d);
        }
        return chosen.stream().limit(MAX_SLOTS).mapToInt(Integer::intValue).toArray();
    }

    private static void addLeastLoaded(Set<Integer> chosen, int[] devices, LoadLedger ledger, int count) {
        Integer[] sorted = Arrays.stream(devices).boxed().toArray(Integer[]::new);
        Arrays.sort(sorted, Comparator.<Integer>comparingDouble(d -> ledger.linkMicros(d)).thenComparingInt(d -> d));
        for (int i = 0; i < Math.min(count, sorted.length); i++) {
            chosen.add(sorted[i]);
        }
    }

    private static double load(LoadLedger ledger, int d) {
        return Math.max(ledger.computeMicros(d), ledger.linkMicros(d));
    }
}
