package io.synergy.core.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Each placed app's throughput when every app runs as fast as the shared resources allow and no app
 * faster than it wants: rates rise together in proportion to the apps' weights until a resource is
 * saturated, then the apps using it stop there; an app that wants a rate stops when it reaches it; the
 * others keep rising (weighted max-min fairness with demands, "progressive filling"). So apps that
 * share the saturated resource run in proportion to their weights, an app never runs above its wanted
 * rate, and apps that want "as fast as possible" take what the others leave. The sum of the final
 * rates is the plan set's total throughput.
 *
 * <p>Resources: each device's compute (with weight reloads where they are due), each device's link,
 * and each odd group of devices with transfers among them (a group of k devices can run at most
 * (k - 1) / 2 of those transfers at once).
 */
final class FairShare {

    /** Odd groups beyond triangles are listed while this few devices carry transfers. */
    private static final int GROUP_DEVICES = 10;

    private FairShare() {
    }

    private static final class Usage {
        final double capacity;
        final double[] perInference;

        Usage(double capacity, int apps) {
            this.capacity = capacity;
            this.perInference = new double[apps];
        }
    }

    /** Inferences per second per app (0 for unplaced); index by app. */
    static double[] rates(PlanningProblem problem, LoadLedger ledger, LoadContribution[] contributions) {
        int apps = contributions.length;
        int n = problem.deviceCount();
        Usage[] compute = new Usage[n];
        Usage[] link = new Usage[n];
        for (int d = 0; d < n; d++) {
            compute[d] = new Usage(1e6, apps);
            link[d] = new Usage(1e6, apps);
        }
        for (int a = 0; a < apps; a++) {
            LoadContribution c = contributions[a];
            if (c == null) {
                continue;
            }
            double w = problem.weight(a);
            for (int i = 0; i < c.computeDevice.length; i++) {
                int d = c.computeDevice[i];
                compute[d].perInference[a] += (c.computeMicros[i]
                        + (ledger.residentsFit(d) ? 0 : c.reloadMicros[i])) / w;
            }
            for (int i = 0; i < c.linkDevice.length; i++) {
                link[c.linkDevice[i]].perInference[a] += c.linkMicros[i] / w;
            }
        }
        List<Usage> resources = new ArrayList<>(Arrays.asList(compute));
        resources.addAll(Arrays.asList(link));
        for (int[] group : ledger.oddGroups(GROUP_DEVICES)) {
            Usage u = new Usage(1e6 * (group.length - 1) / 2.0, apps);
            for (int a = 0; a < apps; a++) {
                LoadContribution c = contributions[a];
                if (c == null) {
                    continue;
                }
                for (int i = 0; i < c.pairKey.length; i++) {
                    int x = (int) (c.pairKey[i] >>> 32);
                    int y = (int) c.pairKey[i];
                    if (contains(group, x) && contains(group, y)) {
                        u.perInference[a] += c.pairMicros[i] / problem.weight(a);
                    }
                }
            }
            resources.add(u);
        }
        return fill(problem, resources, contributions);
    }

    private static double[] fill(PlanningProblem problem, List<Usage> resources, LoadContribution[] contributions) {
        int apps = contributions.length;
        double[] rate = new double[apps];
        boolean[] active = new boolean[apps];
        int remaining = 0;
        for (int a = 0; a < apps; a++) {
            active[a] = contributions[a] != null;
            remaining += active[a] ? 1 : 0;
        }
        while (remaining > 0) {
            double level = Double.POSITIVE_INFINITY;
            Usage binding = null;
            for (Usage r : resources) {
                double rising = 0;
                double fixed = 0;
                for (int a = 0; a < apps; a++) {
                    if (active[a]) {
                        rising += problem.weight(a) * r.perInference[a];
                    } else {
                        fixed += rate[a] * r.perInference[a];
                    }
                }
                if (rising <= 0) {
                    continue;
                }
                double t = Math.max(0, (r.capacity - fixed) / rising);
                if (t < level) {
                    level = t;
                    binding = r;
                }
            }
            double wanted = Double.POSITIVE_INFINITY;
            for (int a = 0; a < apps; a++) {
                if (active[a] && problem.app(a).wantsRate()) {
                    wanted = Math.min(wanted, problem.app(a).wantedRate() / problem.weight(a));
                }
            }
            if (wanted <= level && !Double.isInfinite(wanted)) {
                // the apps that reach what they want first stop there; the resources have room for them
                for (int a = 0; a < apps; a++) {
                    if (active[a] && problem.app(a).wantsRate()
                            && problem.app(a).wantedRate() / problem.weight(a) == wanted) {
                        rate[a] = problem.app(a).wantedRate();
                        active[a] = false;
                        remaining--;
                    }
                }
                continue;
            }
            if (binding == null) {
                break;
            }
            for (int a = 0; a < apps; a++) {
                if (active[a] && binding.perInference[a] > 0) {
                    rate[a] = problem.weight(a) * level;
                    active[a] = false;
                    remaining--;
                }
            }
        }
        return rate;
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
