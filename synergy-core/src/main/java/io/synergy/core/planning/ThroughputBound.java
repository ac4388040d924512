package io.synergy.core.planning;

import java.util.HashSet;
import java.util.Set;

/**
 * An upper bound on the joint rate (rounds per second) of any plan set, for instances too large to
 * solve exactly. Two arguments, the smaller wins:
 * <ul>
 *   <li>Capacity over work: every inference of app a keeps some device busy for at least W_a, the
 *       least busy time over any split of its network with each segment on its fastest device type
 *       (a shortest path over split positions); the fleet's n devices give n seconds per second, so
 *       rate x sum(weight_a x W_a) <= n.</li>
 *   <li>Source: app a's input either leaves its source device s (a transfer of at least x_s) or is
 *       processed there (a run of at least r_s); with replicas the two shares add up to at least
 *       min(x_s, r_s), so one of s's two resources carries at least half of that per inference.</li>
 * </ul>
 * Apps that fit no device at all are left out (no planner can place them).
 */
public final class ThroughputBound {

    private ThroughputBound() {
    }

    /** The bound on the rate at which all placeable apps run together; infinite with no placeable app. */
    public static double rate(PlanningProblem problem) {
        double work = 0;
        double bound = Double.POSITIVE_INFINITY;
        for (int a = 0; a < problem.appCount(); a++) {
            double w = problem.weight(a);
            double least = leastWorkMicros(problem, a);
            if (Double.isInfinite(least)) {
                continue;
            }
            work += w * least;
            double source = sourceMicros(problem, a);
            if (source > 0) {
                bound = Math.min(bound, 2e6 / (w * source));
            }
        }
        if (work > 0) {
            bound = Math.min(bound, problem.deviceCount() * 1e6 / work);
        }
        return bound;
    }

    /** Least device-busy microseconds per inference over any split; infinite when no split fits. */
    static double leastWorkMicros(PlanningProblem problem, int app) {
        int layers = problem.layers(app);
        Set<SegmentTable> tables = new HashSet<>();
        for (int d = 0; d < problem.deviceCount(); d++) {
            tables.add(problem.table(app, d));
        }
        double[] best = new double[layers + 1];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        best[0] = 0;
        for (int p = 0; p < layers; p++) {
            if (Double.isInfinite(best[p])) {
                continue;
            }
            for (SegmentTable t : tables) {
                for (int q = p + 1; q <= t.maxTo(p); q++) {
                    best[q] = Math.min(best[q], best[p] + t.roundMicros(p, q));
                }
            }
        }
        return best[layers];
    }

    /** The least, over source devices, of min(sending the input away, running a first segment there). */
    private static double sourceMicros(PlanningProblem problem, int app) {
        double least = Double.POSITIVE_INFINITY;
        long input = problem.boundaryBytes(app, 0);
        for (int s : problem.sources(app)) {
            double send = Double.POSITIVE_INFINITY;
            for (int e = 0; e < problem.deviceCount(); e++) {
                if (e != s) {
                    send = Math.min(send, problem.transferMicros(s, e, input));
                }
            }
            double run = Double.POSITIVE_INFINITY;
            SegmentTable t = problem.table(app, s);
            for (int q = 1; q <= t.maxTo(0); q++) {
                run = Math.min(run, t.roundMicros(0, q));
            }
            least = Math.min(least, Math.min(send, run));
        }
        return Double.isInfinite(least) ? 0 : least;
    }
}
